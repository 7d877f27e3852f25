package io.xenpulse.actuator.dispatch;

import static io.xenpulse.actuator.fixtures.Commands.CLUSTER;
import static io.xenpulse.actuator.fixtures.Commands.T0;
import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static io.xenpulse.actuator.fixtures.Commands.restartDaemon;
import static io.xenpulse.actuator.fixtures.Commands.restartVm;
import static io.xenpulse.actuator.fixtures.Commands.stopVm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.actuator.admission.ActuatorMemory;
import io.xenpulse.actuator.execution.ExecutionOutcome;
import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private static final Instant NOW = T0.plusSeconds(1);
    private static final PowerStatus ON = PowerStatus.on("Status: ON");
    private static final PowerStatus OFF = PowerStatus.off("Status: OFF");

    private final Dispatcher<Integer> dispatcher = new Dispatcher<>(new ActuatorMemory(Duration.ofHours(1)));
    private long position;

    @Test
    void shouldExecuteAdmittedCommand() {
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        // then
        assertThat(effects).containsExactly(new Effect.Execute<>(1, restartDaemon("d1", "n1")));
    }

    @Test
    void shouldPublishExecutorOutcomeAsResult() {
        // given
        dispatcher.onCommand(1, fence("f1", "n1"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onExecuted(1, ExecutionOutcome.fencedOff("off"), NOW.plusSeconds(2));
        // then
        final CommandResult result = publishedResult(effects);
        assertThat(result.getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(result.getPowerVerifiedOff()).isTrue();
        assertThat(result.getStartedAt()).isEqualTo(NOW);
        assertThat(result.getFinishedAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void shouldRefuseDuplicateWhileOriginalIsExecuting() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(2, restartDaemon("d1", "n1"), NOW);
        // then
        assertThat(publishedResult(effects).getStatus()).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldStartNextCommandForNodeOnlyOnceFirstResultIsPublished() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        final List<Effect<Integer>> onArrival = dispatcher.onCommand(2, fence("f1", "n1"), NOW);
        final Effect<Integer> publish = dispatcher.onExecuted(1, ExecutionOutcome.done("up"), NOW).get(0);
        // when
        final List<Effect<Integer>> onPublished = publish(publish);
        // then
        assertThat(onArrival).isEmpty();
        assertThat(onPublished).containsExactly(new Effect.Execute<>(2, fence("f1", "n1")));
    }

    @Test
    void shouldNotHoldUpOtherNodesWhileOneNodeIsBusy() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(2, restartDaemon("d2", "n2"), NOW);
        // then
        assertThat(effects).containsExactly(new Effect.Execute<>(2, restartDaemon("d2", "n2")));
    }

    @Test
    void shouldAskSourcePowerDeviceForRelocationQueuedBehindFenceOnceFenceResultIsLearnt() {
        // given: the relocation arrives while the fence of its source node is still running
        dispatcher.onCommand(1, fence("f1", "n1"), NOW);
        final List<Effect<Integer>> onArrival = dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        final Effect<Integer> publish = dispatcher.onExecuted(1, ExecutionOutcome.fencedOff("off"), NOW).get(0);
        // when
        final List<Effect<Integer>> onPublished = publish(publish);
        // then
        assertThat(onArrival).isEmpty();
        assertThat(onPublished).containsExactly(new Effect.CheckPower<>(2, CLUSTER, List.of("n1")));
    }

    @Test
    void shouldStartRelocationWhenFencedSourceIsStillOff() {
        // given
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(2, Map.of("n1", OFF), NOW);
        // then
        assertThat(effects).containsExactly(new Effect.Execute<>(2, relocate("r1", "web01", "n1", "n2")));
    }

    @Test
    void shouldRefuseRelocationWhenFencedSourceWasPoweredOnAgain() {
        // given: n1 was fenced OFF, then rebooted and rejoined (and may have auto-started web01)
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(2, Map.of("n1", ON), NOW);
        // then
        final CommandResult result = publishedResult(effects);
        assertThat(result.getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(result.getDetail()).contains("n1", "ON", "Status: ON");
    }

    @Test
    void shouldRefuseRetriedRelocationOnceFencedSourceRejoined() {
        // given (issue 7, case 5): n1 fenced OFF, web01's relocation to n2 timed out, then n1 rebooted,
        // rejoined and auto-started web01; the correlator retries the relocation
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        dispatcher.onPowerChecked(2, Map.of("n1", OFF), NOW);
        publish(dispatcher.onExecuted(2, ExecutionOutcome.timeout("no answer"), NOW).get(0));
        final List<Effect<Integer>> retry = dispatcher.onCommand(3, relocate("r2", "web01", "n1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(3, Map.of("n1", ON), NOW);
        // then
        assertThat(retry).containsExactly(new Effect.CheckPower<>(3, CLUSTER, List.of("n1")));
        assertThat(publishedResult(effects).getStatus()).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldRefuseRelocationWhenPowerDeviceOfFencedSourceCannotBeReached() {
        // given
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(2,
                Map.of("n1", PowerStatus.unknown("connection refused")), NOW);
        // then
        final CommandResult result = publishedResult(effects);
        assertThat(result.getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(result.getDetail()).contains("n1", "UNKNOWN", "connection refused");
    }

    @Test
    void shouldRefuseLaterRelocationFromNodeSeenOnWithoutAskingAgain() {
        // given: a power check found n1 ON after its fence
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        publish(dispatcher.onPowerChecked(2, Map.of("n1", ON), NOW).get(0));
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(3, relocate("r2", "db01", "n1", "n3"), NOW);
        // then: the fence of n1's earlier boot covers no VM any more
        assertThat(publishedResult(effects).getStatus()).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldStartRelocationAfterConfirmedStopWithoutAskingPowerDevice() {
        // given
        dispatcher.onCommand(1, stopVm("st1", "web01", "n1"), NOW);
        publish(dispatcher.onExecuted(1, ExecutionOutcome.done("stopped"), NOW).get(0));
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        // then
        assertThat(effects).containsExactly(new Effect.Execute<>(2, relocate("r1", "web01", "n1", "n2")));
    }

    @Test
    void shouldStartNextCommandForTargetNodeOnceRelocationIsRefusedByPowerCheck() {
        // given: a daemon restart on n2 waits behind the relocation to n2 while n1's device is asked
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        final List<Effect<Integer>> whileChecking = dispatcher.onCommand(3, restartDaemon("d1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(2, Map.of("n1", ON), NOW);
        // then
        assertThat(whileChecking).isEmpty();
        assertThat(effects).hasSize(2);
        assertThat(effects.get(1)).isEqualTo(new Effect.Execute<>(3, restartDaemon("d1", "n2")));
    }

    @Test
    void shouldExpireRelocationWhosePowerCheckOutlastedItsExpiry() {
        // given
        final RecoveryCommand relocation = relocate("r1", "web01", "n1", "n2");
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocation, NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onPowerChecked(2, Map.of("n1", OFF),
                relocation.getExpiresAt().plusMillis(1));
        // then
        assertThat(publishedResult(effects).getStatus()).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldRejectPowerAnswerForCommandThatIsNotCheckingPower() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        // when / then
        assertThatThrownBy(() -> dispatcher.onPowerChecked(1, Map.of(), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNotStartTheSameVmOnAnotherNodeWhileItsFirstStartRuns() {
        // given: web01 is being started on n1; nothing about it is published yet
        dispatcher.onCommand(1, restartVm("s1", "web01", "n1"), NOW);
        // when
        final List<Effect<Integer>> secondStart = dispatcher.onCommand(2, restartVm("s2", "web01", "n2"), NOW);
        final Effect<Integer> firstDone = dispatcher.onExecuted(1, ExecutionOutcome.done("started"), NOW).get(0);
        final List<Effect<Integer>> afterFirst = publish(firstDone);
        // then: the second start waits for the VM, and is then checked against the first one's result
        assertThat(secondStart).isEmpty();
        assertThat(publishedResult(afterFirst).getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(publishedResult(afterFirst).getDetail()).contains("web01", "n1");
    }

    @Test
    void shouldHoldOtherStartsOfVmWhileItsRelocationAsksThePowerDevice() {
        // given
        fenceVerifiedOff(1, "f1", "n1");
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onCommand(3, restartVm("s1", "web01", "n3"), NOW);
        // then
        assertThat(effects).isEmpty();
    }

    @Test
    void shouldPublishExpiredRelocationWithoutCheckingOrExecutingIt() {
        // given
        final RecoveryCommand relocation = relocate("r1", "web01", "n1", "n2");
        // when
        final Instant late = relocation.getExpiresAt().plusMillis(1);
        final List<Effect<Integer>> effects = dispatcher.onCommand(1, relocation, late);
        // then
        assertThat(publishedResult(effects).getStatus()).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldRefuseRelocationQueuedBehindFenceThatDidNotVerifyPowerOff() {
        // given
        dispatcher.onCommand(1, fence("f1", "n1"), NOW);
        dispatcher.onCommand(2, relocate("r1", "web01", "n1", "n2"), NOW);
        final Effect<Integer> publish = dispatcher.onExecuted(1, ExecutionOutcome.done("off sent, no status"), NOW).get(0);
        // when
        final List<Effect<Integer>> onPublished = publish(publish);
        // then
        assertThat(publishedResult(onPublished).getStatus()).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldExpireCommandThatWaitedForItsNodeTooLong() {
        // given
        final RecoveryCommand restart = restartVm("s1", "web01", "n1");
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        dispatcher.onCommand(2, restart, NOW);
        final Instant late = restart.getExpiresAt().plusSeconds(1);
        final Effect<Integer> publish = dispatcher.onExecuted(1, ExecutionOutcome.done("up"), late).get(0);
        // when
        final List<Effect<Integer>> onPublished = dispatcher.onPublished(1, ((Effect.Publish<Integer>) publish).result(), 0, late);
        // then
        assertThat(publishedResult(onPublished).getStatus()).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldKeepVerifiedOffFlagOffForNonFenceCommands() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        // when
        final List<Effect<Integer>> effects = dispatcher.onExecuted(1, ExecutionOutcome.fencedOff("confused executor"), NOW);
        // then
        assertThat(publishedResult(effects).getPowerVerifiedOff()).isFalse();
    }

    @Test
    void shouldFreeIdOfWaitingCommandHandedToAnotherInstance() {
        // given
        dispatcher.onCommand(1, restartDaemon("d1", "n1"), NOW);
        dispatcher.onCommand(2, fence("f1", "n1"), NOW);
        // when
        final int abandoned = dispatcher.abandonWaiting(token -> token == 2);
        final List<Effect<Integer>> redelivered = dispatcher.onCommand(3, fence("f1", "n1"), NOW);
        // then
        assertThat(abandoned).isEqualTo(1);
        assertThat(redelivered).isEmpty();
        assertThat(dispatcher.hasUnfinished(token -> token == 3)).isTrue();
    }

    /** Runs a fence of {@code node} that verifies power OFF, through to its published result. */
    private void fenceVerifiedOff(int token, String id, String node) {
        dispatcher.onCommand(token, fence(id, node), NOW);
        publish(dispatcher.onExecuted(token, ExecutionOutcome.fencedOff("power verified OFF"), NOW).get(0));
    }

    private List<Effect<Integer>> publish(Effect<Integer> effect) {
        final Effect.Publish<Integer> publish = (Effect.Publish<Integer>) effect;
        return dispatcher.onPublished(publish.token(), publish.result(), position++, NOW);
    }

    private static CommandResult publishedResult(List<Effect<Integer>> effects) {
        assertThat(effects).hasSize(1).first().isInstanceOf(Effect.Publish.class);
        return ((Effect.Publish<Integer>) effects.get(0)).result();
    }
}
