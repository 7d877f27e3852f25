package io.xenpulse.simulator;

import java.time.Instant;
import java.util.Set;

/** A violation of the first safety invariant: at {@code at}, {@code vm} ran on every node in {@code nodes}. */
public record DoubleRun(String vm, Set<String> nodes, Instant at) {

    public DoubleRun {
        nodes = Set.copyOf(nodes);
    }
}
