package io.xenpulse.correlator.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * Invariant 1, no double run: the one gate every start of a VM passes, restarts in place, relocations and
 * their retries alike, checked right before the command is issued.
 *
 * <ul>
 *   <li>No node other than the target may still run the VM: a node that listed it running and has not since
 *       proven it gone (see {@link VmSightings}) may run it, and so may a node the correlator cannot see into
 *       now (a VM can be migrated there unseen), unless it is fenced OFF.</li>
 *   <li>A start away from the source node also needs the source proven not to run it: (a) a stop reported
 *       done and then a later healthy listing of the source showing the VM absent, or (b) a fence of the
 *       source whose agent verified power OFF, for the boot that ran the VM (a node that came back since is
 *       not fenced any more).</li>
 * </ul>
 */
final class StartGate {

    private final CorrelatorPolicy policy;

    StartGate(CorrelatorPolicy policy) {
        this.policy = policy;
    }

    /** Empty when restarting {@code vm} on {@code node}, where it died, is safe; otherwise why not. */
    Optional<String> objectionToRestartOn(ClusterState cluster, VmState vm, String node, Instant now) {
        return runningElsewhere(cluster, vm, node).or(() -> blindNode(cluster, vm, node, now));
    }

    /** Empty when starting {@code vm} on {@code target}, away from {@code sourceNode}, is safe; otherwise why not. */
    Optional<String> objectionToStartElsewhere(ClusterState cluster, VmState vm, String sourceNode, String target,
            Instant now) {
        final Optional<NodeState> source = cluster.node(sourceNode);
        if (source.isEmpty()) {
            return Optional.of("source node " + sourceNode + " is unknown");
        }
        final boolean stopConfirmed = vm.stopConfirmed && sourceNode.equals(vm.node);
        if (!source.get().isFencedOff() && !stopConfirmed) {
            return Optional.of(vm.name + " may still run on " + sourceNode
                    + ": neither a confirmed stop nor a fence verified OFF");
        }
        return runningElsewhere(cluster, vm, target).or(() -> blindNode(cluster, vm, target, now));
    }

    /**
     * A node the correlator cannot see into now (no current observation for a silence bound: its probe is
     * dead or late, or the node is down but not fenced) may have taken the VM in a migration nobody saw.
     */
    private Optional<String> blindNode(ClusterState cluster, VmState vm, String target, Instant now) {
        for (NodeState node : cluster.nodes()) {
            if (node.name.equals(target) || node.isFencedOff()) {
                continue;
            }
            if (node.cannotBeSeen(now, policy.nodeSilentAfter())) {
                return Optional.of(node.name + " cannot be seen now (no current observation"
                        + (node.lastCurrentAt == null ? " yet" : " since " + node.lastCurrentAt) + "): " + vm.name
                        + " may have moved there unseen");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> runningElsewhere(ClusterState cluster, VmState vm, String target) {
        for (String node : vm.aliveAt.keySet()) {
            final boolean off = cluster.node(node).map(NodeState::isFencedOff).orElse(false);
            if (!node.equals(target) && !off) {
                return Optional.of(vm.name + " was listed running on " + node + " at " + vm.aliveAt.get(node)
                        + " and has not been proven gone there since");
            }
        }
        return Optional.empty();
    }
}
