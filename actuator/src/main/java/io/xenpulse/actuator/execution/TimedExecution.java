package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs executor attempts, each on its own thread with its own timeout. An attempt that does not answer
 * in time completes as TIMEOUT and its thread is interrupted; a hung attempt keeps only its own thread,
 * so commands for other nodes are never held up. A thrown exception becomes ERROR_RETRYABLE.
 */
public final class TimedExecution implements AutoCloseable {

    private static final int MAX_DETAIL = 300;

    private final CommandExecutor executor;
    private final Duration timeout;
    private final ExecutorService attempts = Executors.newCachedThreadPool(daemonThreads("actuator-attempt"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("actuator-timeout"));

    public TimedExecution(CommandExecutor executor, Duration timeout) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Starts one attempt; the future always completes normally, at the latest after the timeout. */
    public CompletableFuture<ExecutionOutcome> start(RecoveryCommand command) {
        final CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
        final Future<?> running = attempts.submit(() -> outcome.complete(attempt(command)));
        timer.schedule(() -> {
            if (outcome.complete(ExecutionOutcome.timeout("no answer within " + timeout))) {
                running.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    private ExecutionOutcome attempt(RecoveryCommand command) {
        try {
            final ExecutionOutcome outcome = executor.execute(command);
            return outcome != null ? outcome
                    : ExecutionOutcome.failed(ResultStatus.ERROR_RETRYABLE, "executor returned no outcome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExecutionOutcome.timeout("attempt interrupted");
        } catch (Exception | LinkageError e) {
            return ExecutionOutcome.failed(ResultStatus.ERROR_RETRYABLE, bounded("executor failed: " + e));
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        attempts.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        final AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
