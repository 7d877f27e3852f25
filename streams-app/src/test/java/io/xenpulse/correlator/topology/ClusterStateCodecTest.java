package io.xenpulse.correlator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.correlator.rules.ClusterState;
import io.xenpulse.correlator.rules.Correlator;
import io.xenpulse.correlator.rules.CorrelatorPolicy;
import io.xenpulse.correlator.rules.NodePhase;
import io.xenpulse.correlator.rules.VmStatus;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateCodecTest {

    private final ClusterStateCodec codec = new ClusterStateCodec();

    @Test
    void shouldRestoreEverythingTheCorrelatorRemembers() {
        // given: a state with a node in an outage, a VM, and a pending command
        final Correlator correlator = new Correlator(CorrelatorPolicy.defaults());
        final ClusterState state = new ClusterState("c1");
        final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        correlator.onObservation(state, observation(1, ProcessState.PRESENT, SourceStatus.OK, t0), t0, t0);
        correlator.onObservation(state, observation(2, ProcessState.ABSENT, SourceStatus.DOWN, t0.plusSeconds(1)),
                t0.plusSeconds(1), t0.plusSeconds(1));
        for (int second = 2; second <= 20; second++) {
            correlator.onTick(state, t0.plusSeconds(second)); // the punctuator ticks every second
        }
        // when
        final byte[] encoded = codec.encode(state);
        final ClusterState restored = codec.decode(encoded);
        // then
        assertThat(codec.encode(restored)).isEqualTo(encoded);
        assertThat(restored.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.RESTARTING);
        assertThat(restored.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.UNKNOWN);
        assertThat(restored.pendingCommands()).hasSize(1);
    }

    private static NodeObservation observation(long seq, ProcessState xend, SourceStatus status, Instant at) {
        final List<DomainEntry> domains = status == SourceStatus.OK
                ? List.of(DomainEntry.newBuilder().setName("web01").setState(DomainState.RUNNING).build())
                : List.of();
        return NodeObservation.newBuilder().setCluster("c1").setNode("xen-1").setBootId("b1").setSequence(seq)
                .setObservedAt(at)
                .setDaemons(List.of(DaemonCheck.newBuilder().setDaemon("xend").setProcess(xend).setControl(status).build()))
                .setListings(List.of(ListingResult.newBuilder().setSource(ListingSource.XM).setStatus(status)
                        .setDomains(domains).build()))
                .build();
    }
}
