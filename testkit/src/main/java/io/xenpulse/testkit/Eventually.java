package io.xenpulse.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling for integration tests: wait for a condition instead of sleeping. Polls quickly at first
 * and backs off to a few hundred milliseconds; on timeout fails with an {@link AssertionError} naming what
 * was awaited (and the last exception the probe threw, if any, as the cause).
 *
 * <pre>{@code
 * Eventually.await(Duration.ofSeconds(30), "decision for vm-7 published", () -> decisions.containsKey("vm-7"));
 * Record r = Eventually.awaitValue(Duration.ofSeconds(30), "command result", () -> results.poll(id));
 * }</pre>
 */
public final class Eventually {

    private static final long FIRST_PAUSE_MS = 10;
    private static final long MAX_PAUSE_MS = 250;

    private Eventually() {
    }

    /** Returns as soon as {@code condition} is true; a probe that throws counts as "not yet". */
    public static void await(Duration timeout, String description, BooleanSupplier condition) {
        awaitValue(timeout, description, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE)
                : Optional.empty());
    }

    /** Returns the first value {@code probe} yields; a probe that throws counts as "not yet". */
    public static <T> T awaitValue(Duration timeout, String description, Supplier<Optional<T>> probe) {
        final long startNanos = System.nanoTime();
        final long deadline = startNanos + timeout.toNanos();
        long pauseMs = FIRST_PAUSE_MS;
        RuntimeException lastError = null;
        while (true) {
            try {
                final Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            final long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw timedOut(timeout, description, lastError);
            }
            sleep(Math.min(pauseMs, remainingMs));
            pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
        }
    }

    private static AssertionError timedOut(Duration timeout, String description, RuntimeException lastError) {
        final String message = "Timed out after " + timeout.toMillis() + " ms waiting for: " + description
                + (lastError == null ? "" : " (last attempt threw " + lastError + ")");
        return new AssertionError(message, lastError);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
