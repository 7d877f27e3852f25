package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Why one call to a xenstore tool gave no usable answer, as the listing's status and detail: HUNG when it
 * did not finish in time, DOWN with the tool's own message when it failed (xenstored not reachable),
 * UNAVAILABLE when the tool is not installed, PARSE_ERROR when it printed more than the probe keeps.
 */
record CallFailure(SourceStatus status, String detail) {

    /**
     * Empty when the call succeeded with all of its output.
     *
     * @param timeout the timeout the call had: its own, or less when that was all the listing's budget left
     * @param callTimeout a call's own timeout
     */
    static Optional<CallFailure> of(ToolResult result, String call, Duration timeout, Duration callTimeout) {
        if (result instanceof ToolResult.TimedOut) {
            final String limit = timeout.compareTo(callTimeout) < 0 ? " ms, the rest of the time budget" : " ms";
            return Optional.of(new CallFailure(SourceStatus.HUNG,
                    call + " did not answer within " + timeout.toMillis() + limit));
        }
        if (result instanceof ToolResult.NotInstalled missing) {
            return Optional.of(new CallFailure(SourceStatus.UNAVAILABLE, missing.tool() + " is not installed"));
        }
        if (result instanceof ToolResult.FailedToStart failed) {
            return Optional.of(new CallFailure(SourceStatus.UNAVAILABLE,
                    call + " could not be started: " + failed.reason()));
        }
        final ToolResult.Completed done = (ToolResult.Completed) result;
        if (!done.succeeded()) {
            final String message = done.stderr().isBlank() ? done.stdout() : done.stderr();
            return Optional.of(new CallFailure(SourceStatus.DOWN, message.isBlank()
                    ? call + " exited with " + done.exitCode() : ToolText.detail(message)));
        }
        if (done.truncated()) {
            return Optional.of(new CallFailure(SourceStatus.PARSE_ERROR, call + " printed more than the probe keeps"));
        }
        return Optional.empty();
    }

    /** xenstore-read's warning for a path that is not there (tools/xenstore/xenstore_client.c). */
    static boolean noSuchPath(ToolResult result) {
        return result instanceof ToolResult.Completed done && done.exitCode() == 1
                && done.stderr().contains("couldn't read path");
    }
}
