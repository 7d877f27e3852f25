package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.ResultStatus;
import java.util.List;
import java.util.Objects;

/**
 * The admission's answer for one command: go ahead, ask the power devices of some nodes first, or a final
 * result explaining why not.
 */
public sealed interface Verdict {

    /** The command may proceed to the next step. */
    record Proceed() implements Verdict {
    }

    /**
     * The command may start only if the power devices of these nodes (sorted) say OFF now: its proof that
     * the VM is down there is a fence, and the node may have been powered on since.
     */
    record CheckPower(List<String> nodes) implements Verdict {
        public CheckPower {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("a power check needs at least one node");
            }
        }
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

    static Verdict checkPower(List<String> nodes) {
        return new CheckPower(nodes);
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
