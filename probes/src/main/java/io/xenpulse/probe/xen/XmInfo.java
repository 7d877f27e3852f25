package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * xend's control path: does {@code xm info} answer within its timeout? xend answers {@code xm info} from
 * its own state over the same socket as {@code xm list}, so an answer means the path the listing depends on
 * works. OK needs exit 0 and output that is all {@code key : value} lines, as xm prints them.
 */
public final class XmInfo {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(XmInfo.class);
    private static final List<String> COMMAND = List.of("xm", "info");
    private static final Pattern KEY_VALUE = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*:.*");

    private final ToolRunner runner;
    private final Duration timeout;

    /**
     * @param status OK, DOWN (refused: detail is xm's message), HUNG, PARSE_ERROR or UNAVAILABLE
     */
    public record Answer(SourceStatus status, long latencyMillis, String detail) {
    }

    public XmInfo(ToolRunner runner, Duration timeout) {
        this.runner = Objects.requireNonNull(runner, "runner");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("xm info timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /** Never throws. */
    public Answer ask() {
        try {
            return askOnce();
        } catch (RuntimeException e) {
            LOG.error("xm info check failed inside the probe", e);
            return new Answer(SourceStatus.UNAVAILABLE, 0, ToolText.detail("probe error: " + e));
        }
    }

    private Answer askOnce() {
        final ToolResult outcome = runner.run(COMMAND, timeout);
        final long latency = outcome.elapsed().toMillis();
        final Optional<ToolFailure> failure = ToolFailure.of(String.join(" ", COMMAND), outcome, timeout);
        if (failure.isPresent()) {
            return new Answer(failure.get().status(), latency, failure.get().detail());
        }
        final ToolResult.Completed done = (ToolResult.Completed) outcome;
        if (done.truncated() || !readable(done.stdout())) {
            LOG.debug("xm info unreadable: {}", ToolText.sample(done.stdout()));
            return new Answer(SourceStatus.PARSE_ERROR, latency, "xm info: output is not key : value lines");
        }
        return new Answer(SourceStatus.OK, latency, "");
    }

    private static boolean readable(String output) {
        final List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return !lines.isEmpty() && lines.stream().allMatch(line -> KEY_VALUE.matcher(line).matches());
    }
}
