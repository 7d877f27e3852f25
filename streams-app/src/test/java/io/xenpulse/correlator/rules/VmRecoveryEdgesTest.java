package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 1 and bounded retries: which failed starts are retried, and where a VM is held instead. */
class VmRecoveryEdgesTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldRetryARestartThatTimedOutOnTheSameNode() {
        // given
        final RecoveryCommand restart = web01DiesOnXen1();
        // when
        harness.result(restart, ResultStatus.TIMEOUT, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(2);
        assertThat(harness.lastCommand(CommandKind.RESTART_VM).getTargetNode()).isEqualTo("xen-1");
        assertThat(harness.lastCommand(CommandKind.RESTART_VM).getAttempt()).isEqualTo(2);
    }

    @Test
    void shouldHoldAVmWhoseRestartFailedHard() {
        // given
        final RecoveryCommand restart = web01DiesOnXen1();
        // when
        harness.result(restart, ResultStatus.ERROR_HARD, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(1);
        assertThat(web01().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.decisionsBy(Rule.VM_RECOVERY_FAILED)).hasSize(1);
    }

    @Test
    void shouldHoldAVmOnceItsRecoveryAttemptsAreSpent() {
        // given: the first restart timed out and was retried
        harness.result(web01DiesOnXen1(), ResultStatus.TIMEOUT, false);
        // when: the retry times out too
        harness.result(harness.lastCommand(CommandKind.RESTART_VM), ResultStatus.TIMEOUT, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(2);
        assertThat(web01().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldNotRetryARestartOnANodeWhoseXendWentDown() {
        // given
        final RecoveryCommand restart = web01DiesOnXen1();
        harness.observe(Observations.from("xen-1", 4).xendDown());
        // when
        harness.result(restart, ResultStatus.TIMEOUT, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(1);
        assertThat(web01().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldNotRetryARestartOnANodeThatFellSilent() {
        // given
        final RecoveryCommand restart = web01DiesOnXen1();
        harness.pass(CorrelatorHarness.POLICY.nodeSilentAfter().plusSeconds(1));
        // when
        harness.result(restart, ResultStatus.TIMEOUT, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).hasSize(1);
        assertThat(web01().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldHoldAVmWhoseStopForRelocationFailed() {
        // given
        final RecoveryCommand stop = harness.relocatableVmDiesOnXen1();
        // when
        harness.result(stop, ResultStatus.ERROR_HARD, false);
        harness.observe(Observations.from("xen-1", 4));
        harness.observe(Observations.from("xen-1", 5));
        // then: it may still run on xen-1
        assertThat(db01().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.decisionsBy(Rule.VM_STOP_FAILED)).hasSize(1);
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).isEmpty();
    }

    @Test
    void shouldHoldAStoppingVmListedRunningOnAnotherNode() {
        // given
        harness.relocatableVmDiesOnXen1();
        // when
        harness.observe(Observations.from("xen-2", 2).running("db01"));
        // then
        assertThat(db01().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.decisionsBy(Rule.VM_SEEN_ELSEWHERE)).hasSize(1);
    }

    @Test
    void shouldHoldAVmAwaitingStopConfirmationListedRunningOnAnotherNode() {
        // given
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.DONE, false);
        // when
        harness.observe(Observations.from("xen-2", 2).running("db01"));
        // then
        assertThat(db01().status()).isEqualTo(VmStatus.HELD);
        harness.observe(Observations.from("xen-1", 4));
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).isEmpty();
    }

    @Test
    void shouldTrackARelocatedVmOnceItsTargetListsIt() {
        // given: db01 stopped on xen-1, confirmed, and being started on xen-2
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.DONE, false);
        harness.observe(Observations.from("xen-1", 4));
        assertThat(harness.lastCommand(CommandKind.RELOCATE_VM).getTargetNode()).isEqualTo("xen-2");
        // when: xen-2 lists it before the actuator's result arrives
        harness.observe(Observations.from("xen-2", 2).running("db01"));
        // then
        assertThat(db01().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(db01().node()).isEqualTo("xen-2");
        assertThat(harness.decisionsBy(Rule.VM_SEEN_ELSEWHERE)).isEmpty();
    }

    @Test
    void shouldKeepAHeldVmHeldWhileItIsListedOnItsOwnNode() {
        // given: db01 held after its stop on xen-1 failed
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.ERROR_HARD, false);
        // when: xen-1 lists it again
        harness.observe(Observations.from("xen-1", 4).running("db01"));
        // then: the operator's hold stands
        assertThat(db01().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldTrackAHeldVmAgainWhenItRunsInOnePlaceElsewhere() {
        // given: db01 held after its stop on xen-1 failed, then proven gone from xen-1
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.ERROR_HARD, false);
        harness.observe(Observations.from("xen-1", 4));
        // when: an operator starts it on xen-2
        harness.observe(Observations.from("xen-2", 2).running("db01"));
        // then
        assertThat(db01().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(db01().node()).isEqualTo("xen-2");
    }

    @Test
    void shouldNeverRelocateAVmBackToTheNodeItWasStoppedOn() {
        // given: xen-2 carries more VMs than xen-1
        harness.inventory(1, List.of("xen-1", "xen-2"),
                CorrelatorHarness.vm("db01", "xen-1", RecoveryPolicy.RELOCATE,
                        DesiredState.RUNNING));
        harness.observe(Observations.from("xen-2", 1).running("app01", "web01"));
        harness.observe(Observations.from("xen-1", 1).running("db01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3));
        harness.result(harness.lastCommand(CommandKind.STOP_VM), ResultStatus.DONE, false);
        // when: the stop is confirmed
        harness.observe(Observations.from("xen-1", 4));
        // then
        assertThat(harness.lastCommand(CommandKind.RELOCATE_VM).getTargetNode()).isEqualTo("xen-2");
    }

    /** web01, policy RESTART by default, dies on xen-1 (two healthy listings without it); returns the RESTART_VM. */
    private RecoveryCommand web01DiesOnXen1() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3));
        return harness.lastCommand(CommandKind.RESTART_VM);
    }

    private VmState web01() {
        return harness.state.vm("web01").orElseThrow();
    }

    private VmState db01() {
        return harness.state.vm("db01").orElseThrow();
    }
}
