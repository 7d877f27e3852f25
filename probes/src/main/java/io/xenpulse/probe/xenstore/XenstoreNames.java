package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /local/domain/<id>/name} of listed domains with {@code xenstore-read}, several paths per call
 * (the tool prints one value per line, in order), so fifty domains cost one process, not fifty. A domain
 * can die between the listing and the read: its path is gone, xenstore-read says "couldn't read path" and
 * stops. Then that batch is read again one path at a time, and the domains whose path is gone are reported
 * as vanished instead of failing the whole listing. Every call is bounded by its own timeout and by the
 * listing's deadline.
 */
final class XenstoreNames {

    static final String TOOL = "xenstore-read";
    private static final Logger LOG = LoggerFactory.getLogger(XenstoreNames.class);
    static final int PATHS_PER_CALL = 64;

    private final ToolRunner runner;
    private final Duration callTimeout;

    XenstoreNames(ToolRunner runner, Duration callTimeout) {
        this.runner = runner;
        this.callTimeout = callTimeout;
    }

    /** The names read, by domain id in listing order, and the ids that vanished; or why reading failed. */
    sealed interface Outcome {
        record Names(Map<Integer, String> byId, List<Integer> vanished) implements Outcome {
        }

        record Failed(ToolFailure failure) implements Outcome {
        }
    }

    Outcome read(List<Integer> ids, Deadline deadline) {
        final Map<Integer, String> names = new LinkedHashMap<>();
        final List<Integer> vanished = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PATHS_PER_CALL) {
            final List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + PATHS_PER_CALL));
            final Optional<ToolFailure> failed = readBatch(batch, deadline, names, vanished);
            if (failed.isPresent()) {
                return new Outcome.Failed(failed.get());
            }
        }
        return new Outcome.Names(names, vanished);
    }

    private Optional<ToolFailure> readBatch(List<Integer> batch, Deadline deadline, Map<Integer, String> names,
            List<Integer> vanished) {
        if (deadline.passed()) {
            return Optional.of(new ToolFailure(SourceStatus.HUNG, "time budget spent after reading "
                    + names.size() + " names"));
        }
        final Duration timeout = deadline.cap(callTimeout);
        final ToolResult result = runner.run(command(batch), timeout);
        if (CallOutcome.noSuchPath(result)) {
            if (batch.size() == 1) {
                vanished.add(batch.get(0));
                return Optional.empty();
            }
            for (Integer id : batch) {
                final Optional<ToolFailure> failed = readBatch(List.of(id), deadline, names, vanished);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            return Optional.empty();
        }
        final Optional<ToolFailure> failed = CallOutcome.failure(result, TOOL, timeout, callTimeout);
        if (failed.isPresent()) {
            return failed;
        }
        try {
            final List<String> values = XenstoreText.values(((ToolResult.Completed) result).stdout(), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                names.put(batch.get(i), values.get(i));
            }
            return Optional.empty();
        } catch (UnreadableOutput e) {
            LOG.warn("{} output unreadable ({}); it begins: {}", TOOL, e.getMessage(),
                    ToolText.sample(((ToolResult.Completed) result).stdout()));
            return Optional.of(new ToolFailure(SourceStatus.PARSE_ERROR,
                    TOOL + " output unreadable: " + e.getMessage()));
        }
    }

    private static List<String> command(List<Integer> ids) {
        final List<String> argv = new ArrayList<>(ids.size() + 1);
        argv.add(TOOL);
        ids.forEach(id -> argv.add(XenstoreListing.DOMAINS + "/" + id + "/name"));
        return argv;
    }
}
