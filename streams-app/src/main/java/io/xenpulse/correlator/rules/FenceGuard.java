package io.xenpulse.correlator.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * Invariant 5, no fence storms: decides whether fencing a node is allowed right now. A fence is withheld
 * while another fence in the cluster is in flight, when half or more of the cluster's nodes are silent (the
 * monitoring path is the likelier fault, as oVirt and Kubernetes NHC assume), when it would leave fewer
 * healthy nodes than the inventory requires, for nodes in maintenance, and while the correlator's own view
 * is not continuous (invariant 9: it restarted or is catching up), and for a silent node whose peers still
 * reach it or have stopped reporting on it.
 */
final class FenceGuard {

    private final CorrelatorPolicy policy;
    private final OwnView ownView;
    private final PeerWitness peers;

    FenceGuard(CorrelatorPolicy policy, OwnView ownView, PeerWitness peers) {
        this.policy = policy;
        this.ownView = ownView;
        this.peers = peers;
    }

    /** Empty when the fence may go ahead; otherwise why not. */
    Optional<String> objectionTo(ClusterState cluster, NodeState target, Instant now) {
        if (cluster.inMaintenance(target.name)) {
            return Optional.of(target.name + " is in maintenance");
        }
        if (!ownView.trusted(cluster, now)) {
            // no timestamp here: the text is what decides whether the suppression is reported again
            return Optional.of("the correlator is catching up: its own view is not continuous for a full"
                    + " lost-node bound yet");
        }
        final boolean targetSilent = cluster.isSilent(target, now, policy.nodeSilentAfter());
        if (targetSilent && !peers.allowsFencingSilent(target, now)) {
            return Optional.of(target.name + "'s silence is not confirmed by its peers ("
                    + peers.verdict(target, now) + "): its probe or uplink may be what failed");
        }
        if (!targetSilent && target.cannotBeSeen(now, policy.nodeSilentAfter())) {
            return Optional.of(target.name + " is alive but its observations arrive only late (replayed or read after"
                    + " the lag bound): its state cannot be judged now");
        }
        for (NodeState other : cluster.nodes()) {
            if (other != target && other.phase == NodePhase.FENCING) {
                return Optional.of("a fence of " + other.name + " is already in flight");
            }
        }
        final int total = cluster.nodes.size();
        final int silent = cluster.silentNodes(now, policy.nodeSilentAfter());
        if (total > 1 && silent * 2 >= total) {
            return Optional.of(silent + " of " + total
                    + " nodes are silent: the monitoring path, not the nodes, is the likely fault");
        }
        final long healthyOthers = cluster.nodes().stream()
                .filter(n -> n != target && cluster.isHealthyAndHeard(n, now, policy.nodeSilentAfter()))
                .count();
        if (healthyOthers < cluster.minHealthyNodes) {
            return Optional.of("fencing would leave " + healthyOthers + " healthy nodes, minimum is "
                    + cluster.minHealthyNodes);
        }
        return Optional.empty();
    }
}
