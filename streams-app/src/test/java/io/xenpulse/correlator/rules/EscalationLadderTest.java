package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 4: grace, restart the daemon, verify, bounded retries, fence, verify OFF, relocate. */
class EscalationLadderTest {

    private static final String[][] THREE_NODES = {{"web01", "web02"}, {"db01"}, {"app01"}};

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldDoNothingDuringShortXendRestart() {
        // given
        harness.healthyRound(sequence++, THREE_NODES);
        // when: xend down for 5 s (an operator's service xend restart)
        xen1Down(Duration.ofSeconds(5));
        allHealthy(Duration.ofSeconds(30));
        // then
        assertThat(harness.commands).isEmpty();
        assertThat(harness.decisionsBy(Rule.DAEMON_OUTAGE_GRACE)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.DAEMON_RECOVERED)).hasSize(1);
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.HEALTHY);
    }

    @Test
    void shouldRestartXendOnlyAfterGrace() {
        harness.healthyRound(sequence++, THREE_NODES);
        xen1Down(Duration.ofSeconds(14));
        assertThat(harness.commands).isEmpty();
        xen1Down(Duration.ofSeconds(2));
        final RecoveryCommand restart = harness.lastCommand(CommandKind.RESTART_DAEMON);
        assertThat(restart.getTargetNode()).isEqualTo("xen-1");
        assertThat(restart.getDaemon()).isEqualTo("xend");
        assertThat(restart.getExpiresAt()).isAfter(restart.getIssuedAt());
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldCloseIncidentWhenRestartedXendAnswers() {
        harness.healthyRound(sequence++, THREE_NODES);
        xen1Down(Duration.ofSeconds(16));
        harness.result(harness.lastCommand(CommandKind.RESTART_DAEMON), ResultStatus.DONE, false);
        allHealthy(Duration.ofSeconds(60));
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).hasSize(1);
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.HEALTHY);
    }

    @Test
    void shouldFenceOnlyAfterBoundedRestartAttemptsFail() {
        // given
        harness.healthyRound(sequence++, THREE_NODES);
        // when: every restart attempt fails
        xen1Down(Duration.ofSeconds(16));
        for (int attempt = 1; attempt <= 3; attempt++) {
            harness.result(harness.lastCommand(CommandKind.RESTART_DAEMON), ResultStatus.ERROR_HARD, false);
            assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
            xen1Down(Duration.ofSeconds(3));
        }
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).extracting(RecoveryCommand::getAttempt)
                .containsExactly(1, 2, 3);
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldRelocateVmsOnlyAfterFenceVerifiedOff() {
        // given
        final RecoveryCommand fence = fenceXen1();
        assertThat(harness.vmCommands()).isEmpty();
        // when
        harness.result(fence, ResultStatus.DONE, true);
        // then
        final List<RecoveryCommand> relocations = harness.commandsOf(CommandKind.RELOCATE_VM);
        assertThat(relocations).extracting(RecoveryCommand::getVm).containsExactlyInAnyOrder("web01", "web02");
        assertThat(relocations).allSatisfy(r -> {
            assertThat(r.getSourceNode()).isEqualTo("xen-1");
            assertThat(r.getTargetNode()).isIn("xen-2", "xen-3");
        });
        assertThat(relocations).extracting(RecoveryCommand::getTargetNode).doesNotHaveDuplicates();
    }

    @Test
    void shouldNotRelocateWhenFenceDidNotVerifyPowerOff() {
        final RecoveryCommand fence = fenceXen1();
        harness.result(fence, ResultStatus.DONE, false);
        harness.pass(Duration.ofSeconds(1));
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.decisionsBy(Rule.FENCE_FAILED)).isNotEmpty();
    }

    @Test
    void shouldRetryFailedFenceThenAskForAnOperator() {
        final RecoveryCommand fence = fenceXen1();
        harness.result(fence, ResultStatus.ERROR_RETRYABLE, false);
        harness.pass(Duration.ofSeconds(1));
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.TIMEOUT, false);
        harness.pass(Duration.ofSeconds(1));
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).hasSize(2);
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.NEEDS_OPERATOR);
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldIgnoreObservationsFromFencedBootAndRejoinOnNewBoot() {
        harness.result(fenceXen1(), ResultStatus.DONE, true);
        harness.observe(Observations.from("xen-1", sequence++).running("web01"));
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.FENCED);
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb"));
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.HEALTHY);
        assertThat(harness.decisionsBy(Rule.NODE_REJOINED)).hasSize(1);
    }

    @Test
    void shouldFenceLostNodeAndRelocateItsVms() {
        // given
        harness.healthyRound(sequence++, THREE_NODES);
        // when: xen-1 falls silent while the others keep reporting
        for (int second = 0; second < 31; second++) {
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.decisionsBy(Rule.NODE_SILENT)).hasSize(1);
        final RecoveryCommand fence = harness.lastCommand(CommandKind.FENCE_NODE);
        assertThat(harness.vmCommands()).isEmpty();
        harness.result(fence, ResultStatus.DONE, true);
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).hasSize(2);
    }

    @Test
    void shouldGiveTheSameCommandIdsWhenTheSameInputsAreReplayed() {
        final CorrelatorHarness other = new CorrelatorHarness();
        for (CorrelatorHarness h : List.of(harness, other)) {
            h.healthyRound(1, THREE_NODES);
            h.observe(Observations.from("xen-1", 2).xendDown());
            h.pass(Duration.ofSeconds(16));
        }
        assertThat(other.commands).extracting(RecoveryCommand::getCommandId)
                .containsExactlyElementsOf(harness.commands.stream().map(RecoveryCommand::getCommandId).toList())
                .isNotEmpty();
        assertThat(harness.decisions).allSatisfy(d -> {
            assertThat(d.getRule()).isNotBlank();
            assertThat(d.getReason()).isNotBlank();
        });
        assertThat(harness.decisions).filteredOn(d -> d.getAction() != DecisionAction.NONE)
                .allSatisfy(d -> assertThat(d.getEvidence()).isNotEmpty());
    }

    private RecoveryCommand fenceXen1() {
        harness.healthyRound(sequence++, THREE_NODES);
        xen1Down(Duration.ofSeconds(16));
        for (int attempt = 1; attempt <= 3; attempt++) {
            harness.result(harness.lastCommand(CommandKind.RESTART_DAEMON), ResultStatus.ERROR_HARD, false);
            xen1Down(Duration.ofSeconds(3));
        }
        return harness.lastCommand(CommandKind.FENCE_NODE);
    }

    private void allHealthy(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            harness.healthyRound(sequence++, THREE_NODES);
            harness.pass(Duration.ofSeconds(1));
        }
    }

    /** xen-1 reports xend down every second while the other nodes stay healthy, for the given time. */
    private void xen1Down(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            harness.observe(Observations.from("xen-1", sequence).xendDown());
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
    }
}
