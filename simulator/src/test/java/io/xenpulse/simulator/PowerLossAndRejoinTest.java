package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PowerLossAndRejoinTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2")
            .vm("web01", "xen-1").vm("db01", "xen-1")
            .autoStart("web01")
            .build();

    @Test
    void shouldRecordAPowerLossAsAFaultThatKillsEveryDomain() {
        // when
        cluster.losePower("xen-1");

        // then
        assertThat(cluster.powerStatus("xen-1")).isEqualTo(PowerState.OFF);
        assertThat(cluster.locate("web01")).isEmpty();
        assertThat(cluster.actionLog().entries()).last().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ActionKind.POWER_LOST);
            assertThat(r.origin()).isEqualTo(ActionOrigin.FAULT);
        });
    }

    @Test
    void shouldFailToFenceWhileTheFenceDeviceDoesNotAnswer() {
        // given
        cluster.breakFenceDevice("xen-1");

        // when
        final ActionOutcome off = cluster.powerOff("xen-1");

        // then
        assertThat(off.succeeded()).isFalse();
        assertThat(off.message()).contains("fencing device");
        assertThat(cluster.powerStatus("xen-1")).isEqualTo(PowerState.ON);
        assertThat(cluster.fenceDeviceAnswers("xen-1")).isFalse();
    }

    @Test
    void shouldFenceAgainOnceTheDeviceIsRepaired() {
        // given
        cluster.breakFenceDevice("xen-1");
        cluster.repairFenceDevice("xen-1");

        // when
        final ActionOutcome off = cluster.powerOff("xen-1");

        // then
        assertThat(off.succeeded()).isTrue();
        assertThat(cluster.powerStatus("xen-1")).isEqualTo(PowerState.OFF);
    }

    @Test
    void shouldCatchTheDoubleRunOfAFencedNodeThatRejoinsAndAutoStartsARelocatedVm() {
        // given: xen-1 fenced, web01 relocated to xen-2
        final String firstBoot = cluster.node("xen-1").bootId();
        cluster.powerOff("xen-1");
        cluster.node("xen-2").startDomain("web01");
        clock.advance(Duration.ofSeconds(30));

        // when: an operator powers xen-1 on again; /etc/xen/auto starts web01 there
        cluster.restorePower("xen-1");

        // then
        assertThat(cluster.node("xen-1").bootId()).isNotEqualTo(firstBoot);
        assertThat(cluster.node("xen-1").runningDomains()).containsExactly("web01");
        assertThat(cluster.invariantMonitor().violations())
                .containsExactly(new DoubleRun("web01", Set.of("xen-1", "xen-2"), T0.plusSeconds(30)));
        assertThat(cluster.actionLog().entries()).filteredOn(r -> r.kind() == ActionKind.VM_START)
                .extracting(ActionRecord::origin).containsExactly(ActionOrigin.ACTUATOR, ActionOrigin.BOOT);
        assertThat(cluster.actionLog().entries()).extracting(ActionRecord::kind)
                .containsSubsequence(ActionKind.POWER_ON, ActionKind.VM_START);
    }

    @Test
    void shouldAnswerNothingWhileBootingAndStartItsAutoStartDomainsOnceBooted() {
        // given
        final SimulatedCluster slowBoot = SimulatedCluster.builder("prod-b", clock)
                .node("xen-1").node("xen-2").vm("web01", "xen-1").autoStart("web01")
                .bootTime(Duration.ofSeconds(40)).build();
        slowBoot.losePower("xen-1");

        // when
        slowBoot.restorePower("xen-1");
        clock.advance(Duration.ofSeconds(39));

        // then: on, but not up
        final SimulatedNode xen1 = slowBoot.node("xen-1");
        assertThat(xen1.powerState()).isEqualTo(PowerState.ON);
        assertThat(xen1.isUp()).isFalse();
        assertThat(xen1.readSignals()).isEmpty();
        assertThat(xen1.monitoring().probeRunning()).isFalse();
        assertThat(slowBoot.locate("web01")).isEmpty();

        // and when the boot completes
        clock.advance(Duration.ofSeconds(1));
        assertThat(xen1.isUp()).isTrue();
        assertThat(slowBoot.locate("web01")).containsExactly("xen-1");
        assertThat(xen1.monitoring().probeRunning()).isTrue();
    }
}
