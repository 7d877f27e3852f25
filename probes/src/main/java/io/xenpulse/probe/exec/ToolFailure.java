package io.xenpulse.probe.exec;

import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What a tool run that produced no usable answer means for the source it serves, the same for every tool.
 * The distinctions matter to the correlator: a refusal (DOWN, the tool's own words in the detail) says the
 * daemon behind it is not serving, a timeout (HUNG) says it may be wedged, and a missing tool or one that
 * cannot start (UNAVAILABLE) says nothing about the daemon. A source with more to say (unreadable output,
 * a spent time budget) makes its own failure with the status that fits.
 *
 * @param status never OK
 * @param detail bounded, one line
 */
public record ToolFailure(SourceStatus status, String detail) {

    public ToolFailure {
        if (status == SourceStatus.OK) {
            throw new IllegalArgumentException("a failure is never OK: " + detail);
        }
        detail = ToolText.bounded(detail, ToolText.MAX_DETAIL);
    }

    /**
     * Classifies {@code result}; empty when the tool exited 0, so its output is the caller's to read.
     *
     * @param call what was run, as the details name it ({@code xm list}, {@code xenstore-read})
     * @param timeout the timeout the run had, for the HUNG detail
     */
    public static Optional<ToolFailure> of(String call, ToolResult result, Duration timeout) {
        if (result instanceof ToolResult.Completed done) {
            return done.succeeded() ? Optional.empty()
                    : Optional.of(new ToolFailure(SourceStatus.DOWN, messageOf(call, done)));
        }
        if (result instanceof ToolResult.TimedOut) {
            return Optional.of(new ToolFailure(SourceStatus.HUNG,
                    call + " did not answer within " + timeout.toMillis() + " ms"));
        }
        if (result instanceof ToolResult.NotInstalled missing) {
            return Optional.of(new ToolFailure(SourceStatus.UNAVAILABLE, missing.tool() + " is not installed"));
        }
        final ToolResult.FailedToStart failed = (ToolResult.FailedToStart) result;
        return Optional.of(new ToolFailure(SourceStatus.UNAVAILABLE,
                ToolText.detail(call + " could not be started: " + failed.reason())));
    }

    /** The tool's own explanation: its standard error, else its standard output, else the exit status. */
    private static String messageOf(String call, ToolResult.Completed done) {
        final String said = !done.stderr().isBlank() ? done.stderr() : done.stdout();
        return said.isBlank() ? call + " exited with " + done.exitCode() : ToolText.detail(said);
    }
}
