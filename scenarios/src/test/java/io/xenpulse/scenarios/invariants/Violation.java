package io.xenpulse.scenarios.invariants;

import java.time.Instant;

/** One breach of a safety invariant: which invariant, when, and what happened, in one line. */
public record Violation(String invariant, Instant at, String detail) {
}
