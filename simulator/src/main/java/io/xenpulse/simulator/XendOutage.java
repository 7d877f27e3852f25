package io.xenpulse.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * A period during which xend on a powered-on node did not answer (stopped or hung). It ends when xend
 * answers again or when the node is powered off.
 *
 * @param end empty while the outage lasts
 */
public record XendOutage(String node, Instant start, Optional<Instant> end) {

    /** True when {@code instant} falls inside the outage ({@code start <= instant < end}). */
    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && end.map(instant::isBefore).orElse(true);
    }
}
