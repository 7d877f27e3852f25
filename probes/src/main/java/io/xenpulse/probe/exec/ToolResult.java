package io.xenpulse.probe.exec;

import java.time.Duration;

/**
 * How one run of an external tool ended. A timeout is its own outcome, distinct from a refusal (a non-zero
 * exit) and from a tool that is not installed: the correlator treats a hung daemon differently from a dead
 * one.
 */
public sealed interface ToolResult {

    Duration elapsed();

    /** The tool ran to the end. Output beyond the runner's limit was discarded ({@code truncated}). */
    record Completed(int exitCode, String stdout, String stderr, boolean truncated, Duration elapsed)
            implements ToolResult {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The tool did not finish in time; it and every process it started were killed. */
    record TimedOut(Duration elapsed) implements ToolResult {
    }

    /** No such executable on the search path. */
    record NotInstalled(String tool) implements ToolResult {

        @Override
        public Duration elapsed() {
            return Duration.ZERO;
        }
    }

    /** The executable exists but could not be started (permissions, resources). */
    record FailedToStart(String reason, Duration elapsed) implements ToolResult {
    }
}
