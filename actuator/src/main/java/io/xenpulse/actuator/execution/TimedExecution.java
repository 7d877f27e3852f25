package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs executor attempts and power checks, each on its own thread with its own timeout. An attempt that
 * does not answer in time completes as TIMEOUT, a power check as UNKNOWN, and its thread is interrupted;
 * a hung attempt or device keeps only its own thread, so commands for other nodes are never held up. A
 * thrown exception becomes ERROR_RETRYABLE (attempt) or UNKNOWN (power check).
 */
public final class TimedExecution implements AutoCloseable {

    private static final int MAX_DETAIL = 300;

    private final CommandExecutor executor;
    private final PowerCheck powerCheck;
    private final Duration timeout;
    private final Duration powerCheckTimeout;
    private final ExecutorService attempts = Executors.newCachedThreadPool(daemonThreads("actuator-attempt"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("actuator-timeout"));

    public TimedExecution(CommandExecutor executor, Duration timeout, PowerCheck powerCheck,
            Duration powerCheckTimeout) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.powerCheck = Objects.requireNonNull(powerCheck, "powerCheck");
        this.timeout = requirePositive(timeout, "timeout");
        this.powerCheckTimeout = requirePositive(powerCheckTimeout, "powerCheckTimeout");
    }

    /** Starts one attempt; the future always completes normally, at the latest after the timeout. */
    public CompletableFuture<ExecutionOutcome> start(RecoveryCommand command) {
        return timed(() -> attempt(command), timeout,
                () -> ExecutionOutcome.timeout("no answer within " + timeout));
    }

    /**
     * Asks the power devices of {@code nodes} at once; the future always completes normally, with one
     * status per node, at the latest after the power-check timeout.
     */
    public CompletableFuture<Map<String, PowerStatus>> checkPower(String cluster, List<String> nodes) {
        final Map<String, CompletableFuture<PowerStatus>> checks = new LinkedHashMap<>();
        for (String node : nodes) {
            checks.put(node, timed(() -> powerOf(cluster, node), powerCheckTimeout,
                    () -> PowerStatus.unknown("no answer from the power device of " + node + " within "
                            + powerCheckTimeout)));
        }
        return CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new)).thenApply(all -> {
            final Map<String, PowerStatus> statuses = new LinkedHashMap<>();
            checks.forEach((node, check) -> statuses.put(node, check.join()));
            return statuses;
        });
    }

    private <R> CompletableFuture<R> timed(Supplier<R> work, Duration limit, Supplier<R> onTimeout) {
        final CompletableFuture<R> result = new CompletableFuture<>();
        final Future<?> running = attempts.submit(() -> result.complete(work.get()));
        timer.schedule(() -> {
            if (result.complete(onTimeout.get())) {
                running.cancel(true);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return result;
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

    private PowerStatus powerOf(String cluster, String node) {
        try {
            final PowerStatus status = powerCheck.powerStatus(cluster, node);
            return status != null ? status : PowerStatus.unknown("power check returned no status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PowerStatus.unknown("power check interrupted");
        } catch (Exception | LinkageError e) {
            return PowerStatus.unknown(bounded("power check failed: " + e));
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
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
