package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What a tool run that produced no usable answer means for its source. The distinctions matter to the
 * correlator: a refusal (DOWN, the tool's own words in the detail) says the daemon is not serving, a
 * timeout (HUNG) says it may be wedged, and a missing tool (UNAVAILABLE) says nothing about the daemon.
 *
 * @param status never OK
 * @param detail bounded, one line
 */
public record ToolFailure(SourceStatus status, String detail) {

    /**
     * Classifies {@code result}; empty when the tool exited 0, so its output is the caller's to read.
     *
     * @param tool the tool's name, for messages
     * @param timeout the timeout the run had, for the HUNG message
     */
    public static Optional<ToolFailure> of(String tool, ToolResult result, Duration timeout) {
        if (result instanceof ToolResult.Completed done) {
            return done.succeeded() ? Optional.empty()
                    : Optional.of(new ToolFailure(SourceStatus.DOWN, messageOf(done)));
        }
        if (result instanceof ToolResult.TimedOut) {
            return Optional.of(new ToolFailure(SourceStatus.HUNG,
                    tool + " did not answer within " + timeout.toMillis() + " ms; its process tree was killed"));
        }
        if (result instanceof ToolResult.NotInstalled) {
            return Optional.of(new ToolFailure(SourceStatus.UNAVAILABLE,
                    tool + " is not installed on the search path"));
        }
        final ToolResult.FailedToStart failed = (ToolResult.FailedToStart) result;
        return Optional.of(new ToolFailure(SourceStatus.UNAVAILABLE,
                ToolText.detail(tool + " could not be started: " + failed.reason())));
    }

    /** The tool's own explanation: its standard error, else its standard output, else the exit status. */
    static String messageOf(ToolResult.Completed done) {
        final String said = !done.stderr().isBlank() ? done.stderr() : done.stdout();
        return said.isBlank() ? "exit status " + done.exitCode() + " without a message" : ToolText.detail(said);
    }
}
