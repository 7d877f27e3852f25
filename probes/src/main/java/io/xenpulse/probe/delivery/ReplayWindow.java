package io.xenpulse.probe.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an observation stops being the present and becomes history ({@code replayed=true}), which the
 * correlator only records and never acts on. An observation delivered as live must be written within
 * {@code replayAfter} of being observed: the deliverer hands it to the producer as live only while it is
 * younger than half of that, and the producer gives up on it after the other half (its delivery timeout).
 * What misses the window is aborted and sent again, marked replayed.
 */
public record ReplayWindow(Duration replayAfter) {

    public static final Duration MINIMUM = Duration.ofMillis(200);

    public ReplayWindow {
        Objects.requireNonNull(replayAfter, "replayAfter");
        if (replayAfter.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("the replay window must be at least " + MINIMUM.toMillis()
                    + " ms, got " + replayAfter.toMillis() + " ms");
        }
    }

    /** The producer's delivery timeout: the second half of the window. */
    public Duration deliveryTimeout() {
        return replayAfter.dividedBy(2);
    }

    /** True when an observation taken at {@code observedAt} and handed over {@code now} is history. */
    public boolean isHistory(Instant observedAt, Instant now) {
        return Duration.between(observedAt, now).compareTo(deliveryTimeout()) > 0;
    }
}
