package io.xenpulse.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches the first safety invariant: a VM never runs on two nodes at once. The cluster checks after every
 * domain start and whenever violations are asked for; each episode (a VM starting to run on a further
 * node) is recorded once, with the instant it was seen.
 */
public final class InvariantMonitor {

    private final SimulatedCluster cluster;
    private final List<DoubleRun> violations = new ArrayList<>();
    private final Map<String, Set<String>> ongoing = new HashMap<>();

    InvariantMonitor(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    /** Every double run seen so far, oldest first. */
    public List<DoubleRun> violations() {
        return cluster.locked(() -> {
            check(cluster.placement(), cluster.now());
            return List.copyOf(violations);
        });
    }

    /** The distinct VMs that ever ran on two nodes at once. */
    public Set<String> vmsRunTwice() {
        final Set<String> vms = new LinkedHashSet<>();
        violations().forEach(v -> vms.add(v.vm()));
        return vms;
    }

    /** True when no VM ever ran on two nodes at once. */
    public boolean holds() {
        return violations().isEmpty();
    }

    /** Called under the cluster's lock with where every VM runs now. */
    void check(Map<String, Set<String>> placement, Instant now) {
        ongoing.keySet().removeIf(vm -> placement.getOrDefault(vm, Set.of()).size() < 2);
        placement.forEach((vm, nodes) -> {
            if (nodes.size() < 2) {
                return;
            }
            final Set<String> known = ongoing.get(vm);
            if (known == null || !known.containsAll(nodes)) {
                violations.add(new DoubleRun(vm, nodes, now));
                ongoing.put(vm, Set.copyOf(nodes));
            }
        });
    }
}
