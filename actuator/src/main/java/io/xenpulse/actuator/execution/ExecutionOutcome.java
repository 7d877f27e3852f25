package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.ResultStatus;
import java.util.Objects;

/**
 * What an executor reports for one attempt.
 *
 * @param status the Pacemaker-like outcome
 * @param powerVerifiedOff for FENCE_NODE: a status poll confirmed power OFF (only with DONE or
 *     ALREADY_IN_STATE)
 * @param detail a one-line human explanation, no secrets
 */
public record ExecutionOutcome(ResultStatus status, boolean powerVerifiedOff, String detail) {

    public ExecutionOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (powerVerifiedOff && status != ResultStatus.DONE && status != ResultStatus.ALREADY_IN_STATE) {
            throw new IllegalArgumentException("power can only be verified OFF by a successful fence, not " + status);
        }
    }

    public static ExecutionOutcome done(String detail) {
        return new ExecutionOutcome(ResultStatus.DONE, false, detail);
    }

    public static ExecutionOutcome alreadyInState(String detail) {
        return new ExecutionOutcome(ResultStatus.ALREADY_IN_STATE, false, detail);
    }

    /** A fence whose status poll confirmed power OFF. */
    public static ExecutionOutcome fencedOff(String detail) {
        return new ExecutionOutcome(ResultStatus.DONE, true, detail);
    }

    /** Nothing was attempted. */
    public static ExecutionOutcome refused(String detail) {
        return new ExecutionOutcome(ResultStatus.REFUSED, false, detail);
    }

    public static ExecutionOutcome timeout(String detail) {
        return new ExecutionOutcome(ResultStatus.TIMEOUT, false, detail);
    }

    /** A failure: ERROR_RETRYABLE, ERROR_HARD or ERROR_FATAL. */
    public static ExecutionOutcome failed(ResultStatus status, String detail) {
        if (status != ResultStatus.ERROR_RETRYABLE && status != ResultStatus.ERROR_HARD
                && status != ResultStatus.ERROR_FATAL) {
            throw new IllegalArgumentException("not a failure status: " + status);
        }
        return new ExecutionOutcome(status, false, detail);
    }
}
