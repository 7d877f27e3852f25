package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.ResultStatus;
import java.util.Objects;

/** The admission's answer for one command: go ahead, or a final result explaining why not. */
public sealed interface Verdict {

    /** The command may proceed to the next step. */
    record Proceed() implements Verdict {
    }

    /** The command ends here with this status (REFUSED, EXPIRED or ERROR_FATAL) and a one-line reason. */
    record Reject(ResultStatus status, String detail) implements Verdict {
        public Reject {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static Verdict proceed() {
        return new Proceed();
    }

    static Verdict refused(String detail) {
        return new Reject(ResultStatus.REFUSED, detail);
    }

    static Verdict expired(String detail) {
        return new Reject(ResultStatus.EXPIRED, detail);
    }

    static Verdict fatal(String detail) {
        return new Reject(ResultStatus.ERROR_FATAL, detail);
    }
}
