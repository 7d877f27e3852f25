package io.xenpulse.probe.xenstore;

import java.time.Duration;

/** The end of one listing's time budget: every call gets its own timeout, but never beyond this. */
record Deadline(long endNanos) {

    static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** The timeout for the next call: its own, or what is left of the budget if that is less. */
    Duration cap(Duration callTimeout) {
        final Duration left = Duration.ofNanos(endNanos - System.nanoTime());
        return left.compareTo(callTimeout) < 0 ? left : callTimeout;
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }
}
