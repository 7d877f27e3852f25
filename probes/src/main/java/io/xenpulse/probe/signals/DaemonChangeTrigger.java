package io.xenpulse.probe.signals;

import io.xenpulse.probe.daemon.ProcessCheck;
import io.xenpulse.schemas.observation.ProcessState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the daemons' processes with the cheap check (pid file and process table, no tool run) every
 * second or so, and asks for a full observation at once when one disappears or comes back: an xend that
 * dies is reported within a second, not at the next 5 s cycle.
 */
public final class DaemonChangeTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonChangeTrigger.class);

    private final List<ProcessCheck> checks;
    private final Runnable observeNow;
    private final Map<String, ProcessState> last = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "xenpulse-daemon-watch");
        thread.setDaemon(true);
        return thread;
    });

    public DaemonChangeTrigger(List<ProcessCheck> checks, Runnable observeNow) {
        this.checks = List.copyOf(checks);
        this.observeNow = observeNow;
    }

    public void start(Duration every) {
        poll(); // the baseline: no trigger for the states found at start
        timer.scheduleWithFixedDelay(this::pollAndTrigger, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at every daemon; true when any changed since the previous look. */
    boolean poll() {
        boolean changed = false;
        for (ProcessCheck check : checks) {
            final ProcessState now = check.check().state();
            final ProcessState before = last.put(check.spec().daemon(), now);
            if (before != null && before != now) {
                LOG.info("daemon {} process {} -> {}: observing now", check.spec().daemon(), before, now);
                changed = true;
            }
        }
        return changed;
    }

    private void pollAndTrigger() {
        try {
            if (poll()) {
                observeNow.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("daemon watch failed; next look as planned", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
