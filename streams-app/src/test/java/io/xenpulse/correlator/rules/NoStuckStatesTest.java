package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every waiting state has a way out, and a new boot restarts its count; a VM that keeps dying is held. */
class NoStuckStatesTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldCountASuspicionAgainOnTheNodesNewBoot() {
        // given: web01 missing once on boot A, just before a quick reboot
        harness.observe(Observations.from("xen-1", 10).running("web01"));
        harness.observe(Observations.from("xen-1", 11));
        // when: the new boot's first two healthy listings lack it too (its sequence starts again)
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb"));
        assertThat(harness.vmCommands()).isEmpty();
        harness.observe(Observations.from("xen-1", 2).boot("boot-bbbbbbbb"));
        // then
        assertThat(harness.lastCommand(CommandKind.RESTART_VM).getVm()).isEqualTo("web01");
    }

    @Test
    void shouldConfirmAStopFromTheFirstHealthyListingOfTheNodesNewBoot() {
        // given: db01's stop on xen-1 reported done
        final int stops = stopDb01();
        assertThat(stops).isEqualTo(1);
        // when: xen-1 rebooted; its new boot's first healthy listing lacks db01
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb"));
        // then
        assertThat(harness.lastCommand(CommandKind.RELOCATE_VM).getSourceNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldHoldAStopThatNoHealthyListingEverConfirms() {
        // given
        stopDb01();
        // when: xen-1 only reports xend down from then on, beyond the command lifetime
        for (int second = 1; second <= CorrelatorHarness.POLICY.commandTtl().toSeconds() + 1; second++) {
            harness.observe(Observations.from("xen-1", 10 + second).xendDown());
            harness.observe(Observations.from("xen-2", 10 + second));
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.decisionsBy(Rule.VM_STOP_UNCONFIRMED)).hasSize(1);
        assertThat(harness.state.vm("db01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).isEmpty();
    }

    @Test
    void shouldHoldAVmThatDiedMoreOftenThanAllowedWithinTheWindow() {
        // given / when: web01 dies and is restarted, again and again
        long sequence = 1;
        for (int death = 1; death <= CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES + 1; death++) {
            harness.observe(Observations.from("xen-1", sequence++).running("web01"));
            harness.observe(Observations.from("xen-1", sequence++));
            harness.observe(Observations.from("xen-1", sequence++));
            if (death <= CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES) {
                harness.result(harness.lastCommand(CommandKind.RESTART_VM), ResultStatus.DONE, false);
            }
            harness.pass(Duration.ofMinutes(1));
        }
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES);
        assertThat(harness.decisionsBy(Rule.VM_FLAPPING)).hasSize(1);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldForgetDeathsOlderThanTheFailureWindow() {
        long sequence = 1;
        for (int death = 1; death <= CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES + 1; death++) {
            harness.observe(Observations.from("xen-1", sequence++).running("web01"));
            harness.observe(Observations.from("xen-1", sequence++));
            harness.observe(Observations.from("xen-1", sequence++));
            harness.result(harness.lastCommand(CommandKind.RESTART_VM), ResultStatus.DONE, false);
            harness.pass(CorrelatorPolicy.DEFAULT_VM_FAILURE_WINDOW.dividedBy(2).plusSeconds(1));
        }
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES + 1);
        assertThat(harness.decisionsBy(Rule.VM_FLAPPING)).isEmpty();
    }

    /** db01 (RELOCATE policy) dies on xen-1 and its stop is reported done; returns the stops issued. */
    private int stopDb01() {
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.DONE, false);
        return harness.commandsOf(CommandKind.STOP_VM).size();
    }
}
