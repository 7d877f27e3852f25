package io.xenpulse.actuator.admission;

import static io.xenpulse.actuator.fixtures.Commands.command;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import org.junit.jupiter.api.Test;

class CommandValidatorTest {

    @Test
    void shouldFindCommandWithoutClusterUnaddressable() {
        // given
        final RecoveryCommand command = command("f1", CommandKind.FENCE_NODE, "n1").setCluster(" ").build();
        // when / then
        assertThat(CommandValidator.isAddressable(command)).isFalse();
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("cluster"));
    }

    @Test
    void shouldFindCommandWithoutTargetNodeInvalid() {
        // given
        final RecoveryCommand command = command("f1", CommandKind.FENCE_NODE, "").build();
        // when / then
        assertThat(CommandValidator.isAddressable(command)).isTrue();
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("targetNode"));
    }

    @Test
    void shouldFindDaemonRestartWithoutDaemonInvalid() {
        final RecoveryCommand command = command("d1", CommandKind.RESTART_DAEMON, "n1").build();
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("daemon"));
    }

    @Test
    void shouldFindStopWithoutVmInvalid() {
        final RecoveryCommand command = command("st1", CommandKind.STOP_VM, "n1").build();
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("without vm"));
    }

    @Test
    void shouldFindRelocationWithoutVmInvalid() {
        final RecoveryCommand command = command("r1", CommandKind.RELOCATE_VM, "n2").setSourceNode("n1").build();
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("without vm"));
    }

    @Test
    void shouldFindRelocationOntoItsOwnSourceInvalid() {
        // given: a "relocation" to where the VM ran would need no proof that it is down anywhere
        final RecoveryCommand command = relocate("r1", "web01", "n1", "n1");
        // when / then
        assertThat(CommandValidator.problem(command)).hasValueSatisfying(p -> assertThat(p).contains("RESTART_VM"));
    }

    @Test
    void shouldAcceptCompleteRelocation() {
        assertThat(CommandValidator.problem(relocate("r1", "web01", "n1", "n2"))).isEmpty();
    }
}
