package io.xenpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One replayed incident and how it ended.
 *
 * @param recoveredAt when the cluster was whole again (xend answering, or every affected VM running); empty
 *     when it did not recover within the demo's patience
 */
record Incident(String id, String description, Instant startedAt, Optional<Instant> recoveredAt) {

    Optional<Long> timeToRecoveryMs() {
        return recoveredAt.map(end -> Duration.between(startedAt, end).toMillis());
    }
}
