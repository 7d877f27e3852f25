package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvariantMonitorTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2").node("xen-3")
            .vm("web01", "xen-1")
            .build();

    @Test
    void shouldRecordAVmStartedOnASecondNodeWhileItRunsOnTheFirst() {
        // given: the 2009 incident, xend down on xen-1 and the VM started elsewhere
        cluster.node("xen-1").stopXend(Duration.ZERO);
        clock.advance(Duration.ofSeconds(7));

        // when
        final ActionOutcome start = cluster.node("xen-2").startDomain("web01");

        // then
        assertThat(start.succeeded()).isTrue();
        assertThat(cluster.invariantMonitor().violations())
                .containsExactly(new DoubleRun("web01", Set.of("xen-1", "xen-2"), T0.plusSeconds(7)));
        assertThat(cluster.invariantMonitor().holds()).isFalse();
    }

    @Test
    void shouldRecordEachEpisodeOnceHoweverOftenAsked() {
        // given
        cluster.node("xen-2").startDomain("web01");

        // when
        cluster.invariantMonitor().violations();
        final List<DoubleRun> violations = cluster.invariantMonitor().violations();

        // then
        assertThat(violations).hasSize(1);
        assertThat(cluster.invariantMonitor().vmsRunTwice()).containsExactly("web01");
    }

    @Test
    void shouldRecordANewEpisodeWhenTheVmSpreadsToAThirdNode() {
        // given
        cluster.node("xen-2").startDomain("web01");

        // when
        cluster.node("xen-3").startDomain("web01");

        // then
        assertThat(cluster.invariantMonitor().violations()).extracting(DoubleRun::nodes)
                .containsExactly(Set.of("xen-1", "xen-2"), Set.of("xen-1", "xen-2", "xen-3"));
    }

    @Test
    void shouldAcceptARelocationAfterAConfirmedStop() {
        // given
        cluster.node("xen-1").stopDomain("web01");

        // when
        cluster.node("xen-2").startDomain("web01");

        // then
        assertThat(cluster.invariantMonitor().holds()).isTrue();
        assertThat(cluster.locate("web01")).containsExactly("xen-2");
    }

    @Test
    void shouldAcceptARelocationAfterAFence() {
        // given
        cluster.node("xen-1").makeXendUnrestartable();
        cluster.node("xen-1").stopXend(Duration.ZERO);
        cluster.powerOff("xen-1");

        // when
        cluster.node("xen-2").startDomain("web01");

        // then
        assertThat(cluster.invariantMonitor().violations()).isEmpty();
    }
}
