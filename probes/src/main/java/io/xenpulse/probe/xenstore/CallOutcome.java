package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * How the xenstore listing reads one call's outcome on top of {@link ToolFailure}: a call cut short by the
 * listing's time budget says so, output beyond what the probe keeps is a PARSE_ERROR (a cut list of domains
 * would lose some), and xenstore-read's answer for a path that is not there is told apart from a failure.
 */
final class CallOutcome {

    private static final String BUDGET_SPENT = ", the rest of the time budget";

    private CallOutcome() {
    }

    /**
     * Empty when the call succeeded with all of its output.
     *
     * @param timeout the timeout the call had: its own, or less when that was all the listing's budget left
     * @param callTimeout a call's own timeout
     */
    static Optional<ToolFailure> failure(ToolResult result, String call, Duration timeout, Duration callTimeout) {
        final Optional<ToolFailure> failed = ToolFailure.of(call, result, timeout);
        if (failed.isPresent()) {
            final ToolFailure failure = failed.get();
            if (failure.status() == SourceStatus.HUNG && timeout.compareTo(callTimeout) < 0) {
                return Optional.of(new ToolFailure(SourceStatus.HUNG, failure.detail() + BUDGET_SPENT));
            }
            return failed;
        }
        if (((ToolResult.Completed) result).truncated()) {
            return Optional.of(new ToolFailure(SourceStatus.PARSE_ERROR, call + " printed more than the probe keeps"));
        }
        return Optional.empty();
    }

    /** xenstore-read's warning for a path that is not there (tools/xenstore/xenstore_client.c). */
    static boolean noSuchPath(ToolResult result) {
        return result instanceof ToolResult.Completed done && done.exitCode() == 1
                && done.stderr().contains("couldn't read path");
    }
}
