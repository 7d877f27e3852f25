package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.RecoveryCommand;

/**
 * The executor used when none is configured: refuses every command, so a misconfigured actuator is
 * visible in the results instead of silently doing nothing (or something).
 */
public final class DryRunExecutor implements CommandExecutor {

    public static final String NAME = "dry-run";

    @Override
    public ExecutionOutcome execute(RecoveryCommand command) {
        return ExecutionOutcome.refused("no executor configured (dry-run): " + command.getKind() + " not attempted");
    }
}
