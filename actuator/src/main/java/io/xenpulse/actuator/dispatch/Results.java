package io.xenpulse.actuator.dispatch;

import io.xenpulse.actuator.execution.ExecutionOutcome;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Instant;

/** Builds the {@link CommandResult} the actuator publishes for a command. */
public final class Results {

    private static final int MAX_DETAIL = 500;

    private Results() {
    }

    /** A command answered without executing it (refused, expired, invalid). */
    public static CommandResult rejected(RecoveryCommand command, ResultStatus status, String detail, Instant now) {
        return of(command, status, false, detail, now, now);
    }

    /**
     * A command executed. A power-verified-OFF flag is kept only on a FENCE_NODE: it is what authorises
     * relocations, so no other kind may carry it.
     */
    public static CommandResult executed(RecoveryCommand command, ExecutionOutcome outcome,
            Instant startedAt, Instant finishedAt) {
        final boolean verifiedOff = outcome.powerVerifiedOff() && command.getKind() == CommandKind.FENCE_NODE;
        return of(command, outcome.status(), verifiedOff, outcome.detail(), startedAt, finishedAt);
    }

    private static CommandResult of(RecoveryCommand command, ResultStatus status, boolean verifiedOff,
            String detail, Instant startedAt, Instant finishedAt) {
        return CommandResult.newBuilder()
                .setCommandId(command.getCommandId())
                .setCluster(command.getCluster())
                .setKind(command.getKind())
                .setTargetNode(command.getTargetNode())
                .setVm(command.getVm())
                .setSourceNode(command.getSourceNode())
                .setStatus(status)
                .setPowerVerifiedOff(verifiedOff)
                .setDetail(detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...")
                .setAttempt(command.getAttempt())
                .setStartedAt(startedAt)
                .setFinishedAt(finishedAt)
                .build();
    }
}
