package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import io.xenpulse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XlOnlyNodeTest {

    private static final Instant T0 = Instant.parse("2016-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-b", clock)
            .node("xen-1").xlNode("xen-2")
            .vm("web01", "xen-2")
            .build();
    private final SimulatedNode xen2 = cluster.node("xen-2");

    @Test
    void shouldReportNoXendAndListThroughXlAndXenstoreOnly() {
        // when
        final NodeSignals signals = Signals.of(xen2);

        // then
        assertThat(signals.toolstack()).isEqualTo(Toolstack.XL);
        assertThat(signals.daemons()).extracting(DaemonCheck::getDaemon).containsExactly("xenconsoled", "xenstored");
        assertThat(signals.listings()).extracting(ListingResult::getSource)
                .containsExactly(ListingSource.XL, ListingSource.XENSTORE);
        assertThat(signals.listings()).allSatisfy(l -> assertThat(Signals.names(l)).contains("web01"));
        assertThat(xen2.controlPathAnswers()).isTrue();
    }

    @Test
    void shouldCreateAndDestroyDomainsWithXlWithoutXend() {
        // given
        xen2.crashDomain("web01");

        // when
        final ActionOutcome start = xen2.startDomain("web01");

        // then
        assertThat(start.succeeded()).isTrue();
        assertThat(cluster.locate("web01")).containsExactly("xen-2");
        assertThat(xen2.stopDomain("web01").succeeded()).isTrue();
    }

    @Test
    void shouldRefuseToRestartAXendTheNodeDoesNotRun() {
        // when
        final ActionOutcome restart = xen2.restartDaemon("xend");

        // then
        assertThat(restart).isEqualTo(new ActionOutcome(false, "xend: unrecognized service"));
        assertThatThrownBy(() -> xen2.stopXend(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReportPeersReachableFromAClassicNode() {
        // when
        final NodeSignals signals = Signals.of(cluster.node("xen-1"));

        // then
        assertThat(signals.toolstack()).isEqualTo(Toolstack.XM);
        assertThat(signals.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.getPeer()).isEqualTo("xen-2");
            assertThat(peer.getStatus()).isEqualTo(SourceStatus.OK);
        });
    }
}
