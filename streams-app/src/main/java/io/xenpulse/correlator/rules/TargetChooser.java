package io.xenpulse.correlator.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** Picks where a relocated VM starts: a healthy, heard-from node outside maintenance with the fewest VMs. */
final class TargetChooser {

    private TargetChooser() {
    }

    static Optional<String> choose(ClusterState cluster, String excluded, Instant now, CorrelatorPolicy policy) {
        return cluster.nodes().stream()
                .filter(n -> !n.name.equals(excluded))
                .filter(n -> cluster.isHealthyAndHeard(n, now, policy.nodeSilentAfter()))
                .filter(n -> !cluster.inMaintenance(n.name))
                .min(Comparator.comparingInt((NodeState n) -> load(cluster, n.name)).thenComparing(n -> n.name))
                .map(n -> n.name);
    }

    private static int load(ClusterState cluster, String node) {
        return (int) cluster.vms().stream()
                .filter(vm -> node.equals(vm.node) || node.equals(vm.recoveryTarget))
                .count();
    }
}
