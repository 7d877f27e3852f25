package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonitoringPathTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2").node("xen-3")
            .vm("web01", "xen-2")
            .build();

    @Test
    void shouldKeepANodeReachableByItsPeersWhenOnlyItsProbeDies() {
        // when
        cluster.node("xen-2").monitoring().killProbe();

        // then
        assertThat(cluster.node("xen-2").monitoring().probeRunning()).isFalse();
        assertThat(peerStatus("xen-1", "xen-2")).isEqualTo(SourceStatus.OK);
        assertThat(cluster.locate("web01")).containsExactly("xen-2");
    }

    @Test
    void shouldMakeANodeUnreachableBothWaysWhenItsUplinkIsCut() {
        // when
        cluster.node("xen-2").monitoring().cutUplink();

        // then
        assertThat(peerStatus("xen-1", "xen-2")).isEqualTo(SourceStatus.DOWN);
        assertThat(peerStatus("xen-2", "xen-1")).isEqualTo(SourceStatus.DOWN);
        assertThat(cluster.locate("web01")).containsExactly("xen-2");
    }

    @Test
    void shouldMakeAPoweredOffNodeUnreachableAndSilent() {
        // when
        cluster.losePower("xen-2");

        // then
        assertThat(peerStatus("xen-1", "xen-2")).isEqualTo(SourceStatus.DOWN);
        assertThat(cluster.node("xen-2").monitoring().probeRunning()).isFalse();
        assertThat(cluster.node("xen-2").readSignals()).isEmpty();
    }

    @Test
    void shouldRunTheProbeAgainAfterABoot() {
        // given
        cluster.node("xen-2").monitoring().killProbe();
        cluster.losePower("xen-2");

        // when
        cluster.restorePower("xen-2");

        // then
        assertThat(cluster.node("xen-2").monitoring().probeRunning()).isTrue();
        assertThat(peerStatus("xen-3", "xen-2")).isEqualTo(SourceStatus.OK);
    }

    private SourceStatus peerStatus(String from, String to) {
        return Signals.of(cluster.node(from)).peers().stream().filter(p -> p.getPeer().equals(to))
                .map(PeerCheck::getStatus).findFirst().orElseThrow();
    }
}
