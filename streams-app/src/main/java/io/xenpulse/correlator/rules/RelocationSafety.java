package io.xenpulse.correlator.rules;

import java.util.Optional;

/**
 * Invariant 1, no double run, checked right before any start of a VM on another node. "May still run on
 * the source" ends only with (a) a stop reported done and then a later healthy listing of the source showing
 * the VM absent, or (b) a fence of the source whose agent verified power OFF, for the boot that ran the VM
 * (a node that came back since is not fenced any more).
 */
final class RelocationSafety {

    /** Empty when starting {@code vm} away from {@code sourceNode} is safe; otherwise why not. */
    Optional<String> objectionTo(ClusterState cluster, VmState vm, String sourceNode) {
        final Optional<NodeState> source = cluster.node(sourceNode);
        if (source.isEmpty()) {
            return Optional.of("source node " + sourceNode + " is unknown");
        }
        final NodeState node = source.get();
        final boolean fencedOff = node.phase == NodePhase.FENCED && node.fencedBootId.equals(node.bootId);
        final boolean stopConfirmed = vm.stopConfirmed && sourceNode.equals(vm.node);
        if (fencedOff || stopConfirmed) {
            return Optional.empty();
        }
        return Optional.of(vm.name + " may still run on " + sourceNode
                + ": neither a confirmed stop nor a fence verified OFF");
    }
}
