package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.MutableClock;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PowerTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2")
            .vm("web01", "xen-1").vm("db01", "xen-1")
            .build();
    private final SimulatedNode xen1 = cluster.node("xen-1");

    @Test
    void shouldKillEveryDomainAndAnswerNothingWhenPoweredOff() {
        // when
        final ActionOutcome outcome = cluster.powerOff("xen-1");

        // then
        assertThat(outcome).isEqualTo(new ActionOutcome(true, "Success: Powered OFF"));
        assertThat(cluster.powerStatus("xen-1")).isEqualTo(PowerState.OFF);
        assertThat(xen1.readSignals()).isEmpty();
        assertThat(xen1.runningDomains()).isEmpty();
        assertThat(cluster.actionLog().entries())
                .filteredOn(r -> r.kind() == ActionKind.VM_KILLED_BY_POWER_OFF)
                .extracting(r -> r.vm().orElseThrow())
                .containsExactlyInAnyOrder("web01", "db01");
    }

    @Test
    void shouldReportAlreadyOffAsSuccess() {
        // given
        cluster.powerOff("xen-1");

        // when
        final ActionOutcome again = cluster.powerOff("xen-1");

        // then
        assertThat(again).isEqualTo(new ActionOutcome(true, "Success: Already OFF"));
    }

    @Test
    void shouldBootWithANewBootIdHealthyDaemonsAndNoDomainsWhenPoweredBackOn() {
        // given
        final String firstBoot = xen1.bootId();
        xen1.makeXendUnrestartable();
        xen1.stopXend(Duration.ZERO);
        cluster.powerOff("xen-1");

        // when
        cluster.powerOn("xen-1");

        // then
        assertThat(xen1.bootId()).isNotEqualTo(firstBoot);
        assertThat(xen1.runningDomains()).isEmpty();
        assertThat(Signals.daemon(Signals.of(xen1), "xend").getControl())
                .isEqualTo(SourceStatus.OK);
        assertThat(xen1.restartDaemon("xend").succeeded()).isTrue();
    }

    @Test
    void shouldFailEveryActionOnAPoweredOffNode() {
        // given
        cluster.powerOff("xen-1");

        // when
        final ActionOutcome start = xen1.startDomain("web01");
        final ActionOutcome restart = xen1.restartDaemon("xend");

        // then
        assertThat(start).isEqualTo(new ActionOutcome(false, "ssh: connect to host xen-1 port 22: No route to host"));
        assertThat(restart.succeeded()).isFalse();
    }

    @Test
    void shouldFailToFenceAnUnknownNode() {
        // when
        final ActionOutcome outcome = cluster.powerOff("xen-9");

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("xen-9");
    }

    @Test
    void shouldEndAnXendOutageWhenTheNodeIsPoweredOff() {
        // given
        xen1.stopXend(Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));

        // when
        cluster.powerOff("xen-1");
        clock.advance(Duration.ofSeconds(30));

        // then
        assertThat(cluster.xendOutages())
                .containsExactly(new XendOutage("xen-1", T0, Optional.of(T0.plusSeconds(30))));
    }
}
