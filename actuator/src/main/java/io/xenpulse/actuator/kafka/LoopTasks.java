package io.xenpulse.actuator.kafka;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work back to the loop thread: executor threads and producer callbacks post here, and only the
 * loop thread runs the tasks, so the dispatcher and the consumer are never touched concurrently.
 */
final class LoopTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopTasks.class);

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "actuator-retry-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Safe from any thread. */
    void post(Runnable task) {
        tasks.add(task);
    }

    /** Safe from any thread: posts the task after a delay. */
    void postLater(Duration delay, Runnable task) {
        timer.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every posted task, waiting up to {@code wait} for the first one. Loop thread only. */
    void runPosted(Duration wait) throws InterruptedException {
        Runnable task = wait.isZero() ? tasks.poll() : tasks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("actuator task failed; continuing", e);
            }
            task = tasks.poll();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
