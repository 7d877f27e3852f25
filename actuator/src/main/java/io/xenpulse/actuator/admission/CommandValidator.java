package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.RecoveryCommand;
import java.util.Optional;

/**
 * Checks that a command carries every field its kind needs. A command that fails here is answered with
 * ERROR_FATAL: resending it unchanged can never succeed.
 */
public final class CommandValidator {

    private CommandValidator() {
    }

    /**
     * Whether a result can be addressed to this command at all: without an id or a cluster a result
     * would be unattributable (and keyless), so such records go to the dead-letter topic instead.
     */
    public static boolean isAddressable(RecoveryCommand command) {
        return present(command.getCommandId()) && present(command.getCluster());
    }

    /** The first missing or contradictory field, described for the result's detail. */
    public static Optional<String> problem(RecoveryCommand command) {
        if (!isAddressable(command)) {
            return Optional.of("command has no id or no cluster");
        }
        if (!present(command.getTargetNode())) {
            return Optional.of(command.getKind() + " without targetNode");
        }
        return switch (command.getKind()) {
            case RESTART_DAEMON -> present(command.getDaemon())
                    ? Optional.empty() : Optional.of("RESTART_DAEMON without daemon");
            case FENCE_NODE -> Optional.empty();
            case STOP_VM, RESTART_VM -> present(command.getVm())
                    ? Optional.empty() : Optional.of(command.getKind() + " without vm");
            case RELOCATE_VM -> relocationProblem(command);
        };
    }

    private static Optional<String> relocationProblem(RecoveryCommand command) {
        if (!present(command.getVm())) {
            return Optional.of("RELOCATE_VM without vm");
        }
        if (!present(command.getSourceNode())) {
            return Optional.of("RELOCATE_VM without sourceNode: cannot check the VM is down where it ran");
        }
        if (command.getSourceNode().equals(command.getTargetNode())) {
            return Optional.of("RELOCATE_VM with sourceNode equal to targetNode (use RESTART_VM)");
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
