package io.xenpulse.actuator.admission;

import static io.xenpulse.actuator.fixtures.Commands.T0;
import static io.xenpulse.actuator.fixtures.Commands.command;
import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static io.xenpulse.actuator.fixtures.Commands.restartVm;
import static io.xenpulse.actuator.fixtures.Commands.resultOf;
import static io.xenpulse.actuator.fixtures.Commands.stopVm;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandAdmissionTest {

    private static final Instant NOW = T0.plusSeconds(1);

    private final ActuatorMemory memory = new ActuatorMemory(Duration.ofHours(1));
    private final CommandAdmission admission = new CommandAdmission(memory);

    @Test
    void shouldAdmitFreshCommand() {
        assertThat(admission.onArrival(fence("f1", "n1"), NOW)).isInstanceOf(Verdict.Proceed.class);
    }

    @Test
    void shouldRefuseExpiredCommand() {
        // given
        final RecoveryCommand command = command("f1", CommandKind.FENCE_NODE, "n1").setExpiresAt(NOW.minusMillis(1)).build();
        // when / then
        assertThat(statusOf(admission.onArrival(command, NOW))).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldRefuseDuplicateOfCommandInProgress() {
        // given
        memory.rememberCommand("f1", NOW);
        // when
        final Verdict verdict = admission.onArrival(fence("f1", "n1"), NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldRefuseDuplicateAfterRestartWithMemoryRebuiltFromResults() {
        // given: a new actuator's memory, rebuilt from the result topic
        final ActuatorMemory rebuilt = new ActuatorMemory(Duration.ofHours(1));
        rebuilt.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        // when
        final Verdict verdict = new CommandAdmission(rebuilt).onArrival(fence("f1", "n1"), NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldRejectRelocationWithoutSourceNodeAsFatal() {
        // given
        final RecoveryCommand command = command("r1", CommandKind.RELOCATE_VM, "n2").setVm("web01").build();
        // when
        final Verdict verdict = admission.onArrival(command, NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.ERROR_FATAL);
        assertThat(((Verdict.Reject) verdict).detail()).contains("sourceNode");
    }

    @Test
    void shouldRejectRestartWithoutVmAsFatal() {
        final RecoveryCommand command = command("s1", CommandKind.RESTART_VM, "n1").build();
        assertThat(statusOf(admission.onArrival(command, NOW))).isEqualTo(ResultStatus.ERROR_FATAL);
    }

    @Test
    void shouldRejectExpiryFurtherAheadThanDuplicateMemoryReaches() {
        // given
        final RecoveryCommand command = command("f1", CommandKind.FENCE_NODE, "n1")
                .setExpiresAt(NOW.plus(Duration.ofHours(2))).build();
        // when / then
        assertThat(statusOf(admission.onArrival(command, NOW))).isEqualTo(ResultStatus.ERROR_FATAL);
    }

    @Test
    void shouldExpireCommandThatWaitedForItsNodePastItsExpiry() {
        // given
        final RecoveryCommand command = restartVm("s1", "web01", "n1");
        // when
        final Verdict verdict = admission.beforeStart(command, command.getExpiresAt().plusMillis(1));
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldRefuseRelocationAtStartWhenSourceIsNotProvenDown() {
        assertThat(statusOf(admission.beforeStart(relocate("r1", "web01", "n1", "n2"), NOW)))
                .isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldRefuseVmCommandThatArrivesExpired() {
        // given
        final RecoveryCommand relocation = relocate("r1", "web01", "n1", "n2");
        // when
        final Verdict verdict = admission.onArrival(relocation, relocation.getExpiresAt().plusMillis(1));
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.EXPIRED);
    }

    @Test
    void shouldStillStartCommandAtItsExpiryInstant() {
        // given
        final RecoveryCommand restart = restartVm("s1", "web01", "n1");
        // when / then: expiresAt is the last instant the command may start
        assertThat(admission.beforeStart(restart, restart.getExpiresAt())).isInstanceOf(Verdict.Proceed.class);
    }

    @Test
    void shouldAskPowerDeviceOfSourceBeforeRelocationThatRestsOnFence() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.beforeStart(relocate("r1", "web01", "n1", "n2"), NOW);
        // then
        assertThat(verdict).isEqualTo(new Verdict.CheckPower(List.of("n1")));
    }

    @Test
    void shouldStartRelocationThatRestsOnConfirmedStopWithoutPowerCheck() {
        // given
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.DONE), 10);
        // when / then
        assertThat(admission.beforeStart(relocate("r1", "web01", "n1", "n2"), NOW)).isInstanceOf(Verdict.Proceed.class);
    }

    @Test
    void shouldAdmitRelocationWhenFencedSourceIsStillOff() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"),
                Map.of("n1", PowerStatus.off("Status: OFF")), NOW);
        // then
        assertThat(verdict).isInstanceOf(Verdict.Proceed.class);
    }

    @Test
    void shouldRefuseRelocationWhenFencedSourceRejoinedAndRememberItForLaterCommands() {
        // given: n1 fenced OFF, then rebooted and rejoined; no result says so
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"),
                Map.of("n1", PowerStatus.on("Status: ON")), NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
        assertThat(((Verdict.Reject) verdict).detail()).contains("n1", "says ON", "Status: ON", "web01");
        assertThat(statusOf(admission.beforeStart(relocate("r2", "db01", "n1", "n3"), NOW)))
                .isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldCoverNodeSeenOnAgainOnceItIsFencedAnew() {
        // given: the fence of n1's earlier boot was outlived; a new fence verified OFF
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"), Map.of("n1", PowerStatus.on("Status: ON")), NOW);
        memory.learn(resultOf(fence("f2", "n1"), ResultStatus.DONE, true), 20);
        // when / then
        assertThat(admission.beforeStart(relocate("r2", "web01", "n1", "n2"), NOW))
                .isEqualTo(new Verdict.CheckPower(List.of("n1")));
    }

    @Test
    void shouldRefuseRelocationWhenPowerDeviceIsUnreachableAndAskAgainNextTime() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"),
                Map.of("n1", PowerStatus.unknown("no route to host")), NOW);
        // then: refused, but an unanswered check says nothing about the node: the fence still counts
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
        assertThat(((Verdict.Reject) verdict).detail()).contains("n1", "UNKNOWN", "no route to host");
        assertThat(admission.beforeStart(relocate("r2", "web01", "n1", "n2"), NOW))
                .isEqualTo(new Verdict.CheckPower(List.of("n1")));
    }

    @Test
    void shouldRefuseRelocationWhenFencedNodeWasNotAsked() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"), Map.of(), NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
        assertThat(((Verdict.Reject) verdict).detail()).contains("n1");
    }

    @Test
    void shouldRefuseRelocationWhenVmWasStartedOnSourceDuringPowerCheck() {
        // given: the device answered OFF, but a start of web01 on n1 was learnt meanwhile
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.TIMEOUT), 20);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocate("r1", "web01", "n1", "n2"),
                Map.of("n1", PowerStatus.off("Status: OFF")), NOW);
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.REFUSED);
    }

    @Test
    void shouldExpireRelocationWhosePowerCheckEndedAfterItsExpiryButRememberTheOn() {
        // given
        final RecoveryCommand relocation = relocate("r1", "web01", "n1", "n2");
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when
        final Verdict verdict = admission.afterPowerCheck(relocation, Map.of("n1", PowerStatus.on("Status: ON")),
                relocation.getExpiresAt().plusMillis(1));
        // then
        assertThat(statusOf(verdict)).isEqualTo(ResultStatus.EXPIRED);
        assertThat(statusOf(admission.beforeStart(relocate("r2", "web01", "n1", "n2"), NOW)))
                .isEqualTo(ResultStatus.REFUSED);
    }

    private static ResultStatus statusOf(Verdict verdict) {
        return verdict instanceof Verdict.Reject reject ? reject.status() : null;
    }
}
