package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants 2 and 3: unknown is not dead, and death needs two healthy observations. */
class VmDeathConfirmationTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldIgnoreMissingVmWhileXendIsDown() {
        // given
        harness.observe(Observations.from("xen-1", 1).running("web01", "db01"));
        // when: xend is down for several rounds, so xm list shows nothing
        for (long seq = 2; seq <= 6; seq++) {
            harness.observe(Observations.from("xen-1", seq).xendDown());
        }
        // then
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.UNKNOWN);
        assertThat(harness.decisionsBy(Rule.VM_UNKNOWN_CONTROL_PATH_DOWN)).extracting(Decision::getVm)
                .containsExactlyInAnyOrder("web01", "db01");
    }

    @Test
    void shouldIgnoreMissingVmWhileXendIsHung() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2).xendHung());
        harness.observe(Observations.from("xen-1", 3).xendHung());
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.UNKNOWN);
    }

    @Test
    void shouldTrustListingsThatBypassXendForWhatTheySee() {
        // given: xend down, but xl (libxl, no xend) still lists the domain
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        // when
        harness.observe(Observations.from("xen-1", 2).xendDown().xlRunning("web01"));
        // then
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void shouldNotActOnOneHealthyObservationOfMissingVm() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.SUSPECT);
    }

    @Test
    void shouldRestartVmConfirmedDeadByTwoHealthyObservations() {
        // given
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        // when
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3).crashed("web01"));
        // then
        final var restart = harness.lastCommand(CommandKind.RESTART_VM);
        assertThat(restart.getTargetNode()).isEqualTo("xen-1");
        assertThat(restart.getVm()).isEqualTo("web01");
        final Decision why = harness.decisionsBy(Rule.VM_DEAD_RESTART).get(0);
        assertThat(why.getCommandId()).isEqualTo(restart.getCommandId());
        assertThat(why.getEvidence()).extracting(e -> e.getSignal() + "=" + e.getValue())
                .contains("xend.health=HEALTHY", "domain.web01=listed-not-running");
    }

    @Test
    void shouldNotConfirmDeathWhenSecondObservationIsThroughDeadXend() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3).xendDown());
        harness.observe(Observations.from("xen-1", 4).running("web01"));
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void shouldNotCountTheSameObservationTwice() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 2));
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldIgnoreReplayedObservations() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2).replayed());
        harness.observe(Observations.from("xen-1", 3).replayed());
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void shouldTreatLiveObservationsThatReachedTheLogLongAgoAsHistory() {
        // given: web01 runs; then the broker is down for 40 s, and the batch the probe had sent just before
        // (its commit completed only when the broker came back) becomes readable, still marked live
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        final Instant beforeOutage = harness.now;
        harness.now = harness.now.plusSeconds(40);

        // when: those two old observations do not show web01 (it was being migrated away at the time, say)
        harness.observeLoggedAt(Observations.from("xen-1", 2), beforeOutage.plusSeconds(1));
        harness.observeLoggedAt(Observations.from("xen-1", 3), beforeOutage.plusSeconds(2));

        // then: nothing is decided on them, and the first current observation is taken as usual
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
        harness.observe(Observations.from("xen-1", 4).running("web01"));
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void shouldStillActOnObservationsThatWereSlowButWithinTheLagBound() {
        // given
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.now = harness.now.plusSeconds(20);

        // when: two healthy listings without web01, each read 9 s after it reached the log (bound: 10 s)
        harness.observeLoggedAt(Observations.from("xen-1", 2), harness.now.minusSeconds(9));
        harness.now = harness.now.plusSeconds(5);
        harness.observeLoggedAt(Observations.from("xen-1", 3), harness.now.minusSeconds(9));

        // then: death is confirmed as with any two healthy observations
        assertThat(harness.vmCommands()).extracting(c -> c.getKind()).containsExactly(CommandKind.RESTART_VM);
    }

    @Test
    void shouldNeverRestartVmStoppedOnPurpose() {
        harness.inventory(1, List.of("xen-1"),
                CorrelatorHarness.vm("web01", "xen-1", RecoveryPolicy.RESTART, DesiredState.STOPPED));
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3));
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_HELD)).hasSize(1);
    }

    @Test
    void shouldStopThenConfirmBeforeRelocatingVmWithRelocatePolicy() {
        // given
        final var stop = harness.relocatableVmDiesOnXen1();
        // when: the stop is reported done, but no later listing has confirmed it yet
        harness.result(stop, ResultStatus.DONE, false);
        // then
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).isEmpty();
        // when: the next healthy listing of xen-1 shows it absent
        harness.observe(Observations.from("xen-1", 4));
        // then
        final var relocate = harness.lastCommand(CommandKind.RELOCATE_VM);
        assertThat(relocate.getTargetNode()).isEqualTo("xen-2");
        assertThat(relocate.getSourceNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldHoldVmWhenStopFails() {
        harness.result(harness.relocatableVmDiesOnXen1(), ResultStatus.ERROR_HARD, false);
        harness.observe(Observations.from("xen-1", 4));
        harness.pass(Duration.ofSeconds(1));
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).isEmpty();
        assertThat(harness.state.vm("db01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldMarkVmRunningAgainWhenRestartSucceeds() {
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        harness.observe(Observations.from("xen-1", 3));
        harness.result(harness.lastCommand(CommandKind.RESTART_VM), ResultStatus.DONE, false);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(harness.decisionsBy(Rule.VM_RECOVERED)).hasSize(1);
    }
}
