package io.xenpulse.actuator.admission;

import static io.xenpulse.actuator.fixtures.Commands.T0;
import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static io.xenpulse.actuator.fixtures.Commands.restartDaemon;
import static io.xenpulse.actuator.fixtures.Commands.restartVm;
import static io.xenpulse.actuator.fixtures.Commands.resultOf;
import static io.xenpulse.actuator.fixtures.Commands.stopVm;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartPreconditionTest {

    private final ActuatorMemory memory = new ActuatorMemory(Duration.ofHours(1));
    private final StartPrecondition precondition = new StartPrecondition(memory);

    @Test
    void shouldAdmitRelocationAfterFenceVerifiedOffOnlyWithPowerCheckOfSource() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(fencedOnly("n1"));
    }

    @Test
    void shouldRefuseRelocationAfterFenceNotVerifiedOff() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, false), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationWithoutAnyFenceOrStop() {
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2")))
                .isInstanceOfSatisfying(StartProof.Unproven.class,
                        unproven -> assertThat(unproven.reason()).contains("n1"));
    }

    @Test
    void shouldRefuseRelocationAfterStaleFenceWhenVmWasStartedOnSourceAgain() {
        // given: fenced OFF, then the node came back and the VM was restarted there
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.DONE), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationAfterFenceWhenSourceNodeWasSeenPoweredOnLater() {
        // given: a daemon restart succeeded on n1 after its fence: n1 is up, its VMs may be too
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartDaemon("d1", "n1"), ResultStatus.DONE), 11);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldAdmitRelocationAfterNewFenceFollowingRestart() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.DONE), 20);
        memory.learn(resultOf(fence("f2", "n1"), ResultStatus.ALREADY_IN_STATE, true), 30);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(fencedOnly("n1"));
    }

    @Test
    void shouldOrderFactsByLogPositionNotByTimestamp() {
        // given: the fence claims a later finish time (another actuator's fast clock) but was published first
        final CommandResult fenceResult = resultOf(fence("f1", "n1"), ResultStatus.DONE, true);
        fenceResult.setFinishedAt(T0.plus(Duration.ofMinutes(10)));
        memory.learn(fenceResult, 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.DONE), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldTreatTimedOutStartAsPossibleStart() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.TIMEOUT), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldNotTreatRefusedStartAsStart() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.REFUSED), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(fencedOnly("n1"));
    }

    @Test
    void shouldIgnoreVerifiedOffFlagOnFailedFence() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.ERROR_HARD, true), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationWhenOnlyAnotherNodeWasFenced() {
        // given
        memory.learn(resultOf(fence("f1", "n3"), ResultStatus.DONE, true), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldAdmitRelocationAfterConfirmedStopOnSourceWithoutPowerCheck() {
        // given
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.ALREADY_IN_STATE), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(noFenceToCheck());
    }

    @Test
    void shouldRefuseRelocationAfterFailedStop() {
        // given
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.ERROR_RETRYABLE), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationWhenStopOfAnotherVmIsAllThereIs() {
        // given
        memory.learn(resultOf(stopVm("st1", "db01", "n1"), ResultStatus.DONE), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationAfterStopOlderThanLastStartOnSource() {
        // given
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.DONE), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.DONE), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldRefuseRelocationWhileAnEarlierRelocationMayHaveStartedTheVmElsewhere() {
        // given: n1 fenced; a relocation to n3 timed out, so web01 may be running on n3
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(relocate("r0", "web01", "n1", "n3"), ResultStatus.TIMEOUT), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2")))
                .isInstanceOfSatisfying(StartProof.Unproven.class,
                        unproven -> assertThat(unproven.reason()).contains("n3"));
    }

    @Test
    void shouldAdmitRestartOnSameNodeWithoutFenceOrPowerCheck() {
        assertThat(precondition.check(restartVm("s1", "web01", "n1"))).isEqualTo(noFenceToCheck());
    }

    @Test
    void shouldRefuseRestartWhenVmWasRelocatedAwayAndNotProvenDownThere() {
        // given: web01 was moved from n1 to n2; a late restart on n1 would run it twice
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(relocate("r1", "web01", "n1", "n2"), ResultStatus.DONE), 20);
        // when / then
        assertThat(precondition.check(restartVm("s1", "web01", "n1"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldGiveSameAnswerWhenAResultIsLearntTwice() {
        // given: our own result, then the same record again from the topic
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(restartVm("s1", "web01", "n1"), ResultStatus.DONE), 20);
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldAskPowerDeviceWhenConfirmedStopIsOlderThanFenceOfSource() {
        // given: web01 stopped on n1, then n1 fenced; n1 may have booted since and auto-started web01
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.DONE), 10);
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(fencedOnly("n1"));
    }

    @Test
    void shouldRefuseRelocationWhenStopPredatesFenceAndNodeWasSeenPoweredOnSince() {
        // given
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.DONE), 10);
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 20);
        memory.learn(resultOf(restartDaemon("d1", "n1"), ResultStatus.DONE), 30);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isInstanceOf(StartProof.Unproven.class);
    }

    @Test
    void shouldTrustStopNewerThanFenceWithoutPowerCheck() {
        // given: n1 came back after its fence and web01 was stopped there since
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(stopVm("st1", "web01", "n1"), ResultStatus.DONE), 20);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(noFenceToCheck());
    }

    @Test
    void shouldNameEveryFencedNodeTheVmMayRunOn() {
        // given: web01 moved from n1 to n3, then n3 was fenced too
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 10);
        memory.learn(resultOf(relocate("r0", "web01", "n1", "n3"), ResultStatus.DONE), 20);
        memory.learn(resultOf(fence("f3", "n3"), ResultStatus.DONE, true), 30);
        // when / then
        assertThat(precondition.check(relocate("r1", "web01", "n1", "n2"))).isEqualTo(fencedOnly("n1", "n3"));
    }

    @Test
    void shouldNotHoldVmBackByNodesWhereItWasNeverStarted() {
        // given: the actuator knows n3 only from a daemon restart
        memory.learn(resultOf(restartDaemon("d1", "n3"), ResultStatus.DONE), 10);
        // when / then
        assertThat(precondition.check(restartVm("s1", "web01", "n1"))).isEqualTo(noFenceToCheck());
    }

    @Test
    void shouldNeedNoProofForCommandsThatStartNoVm() {
        // given: nothing known about n1
        // when / then
        assertThat(precondition.check(stopVm("st1", "web01", "n1"))).isEqualTo(noFenceToCheck());
    }

    private static StartProof fencedOnly(String... nodes) {
        return new StartProof.Proven(List.of(nodes));
    }

    private static StartProof noFenceToCheck() {
        return new StartProof.Proven(List.of());
    }
}
