package io.xenpulse.simulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@link ActionLog}: when, where, what, on which VM or daemon, who caused it, and whether
 * it succeeded (failed attempts are recorded too: a stop tried through a dead xend is still an attempt).
 *
 * @param target the VM or daemon acted on; empty for power actions
 */
public record ActionRecord(
        Instant at,
        String node,
        ActionKind kind,
        Optional<String> target,
        ActionOrigin origin,
        boolean succeeded,
        String message) {

    public ActionRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    /** The VM acted on, when this is a VM record. */
    public Optional<String> vm() {
        return kind.concernsVm() ? target : Optional.empty();
    }
}
