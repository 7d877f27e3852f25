package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.RecoveryCommand;

/**
 * The executor used when none is configured: refuses every command, so a misconfigured actuator is
 * visible in the results instead of silently doing nothing (or something). It drives no power device,
 * so it cannot tell any node's power state either: every power check is UNKNOWN.
 */
public final class DryRunExecutor implements CommandExecutor, PowerCheck {

    public static final String NAME = "dry-run";

    @Override
    public ExecutionOutcome execute(RecoveryCommand command) {
        return ExecutionOutcome.refused("no executor configured (dry-run): " + command.getKind() + " not attempted");
    }

    @Override
    public PowerStatus powerStatus(String cluster, String node) {
        return PowerStatus.unknown("no power device configured (dry-run): cannot see whether " + node + " is OFF");
    }
}
