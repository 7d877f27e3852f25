package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.PeerCheck;
import java.time.Instant;

/**
 * The second, independent channel that tells a dead node from a node whose probe or uplink died (vSphere HA's
 * datastore heartbeats play this part): what the other nodes' probes say about reaching it. A silent node
 * that a peer reached recently is alive; only a silent node its peers cannot reach may be fenced. Without
 * peer checks configured, silence alone decides, as before.
 */
final class PeerWitness {

    /** What the peers say about one node, over the last silence bound. */
    enum Verdict {
        /** Some peer reached it recently: the node is up, its probe or uplink is not. */
        REACHED,
        /** Peers tried recently and none reached it. */
        UNREACHED,
        /** Peers used to report on it, but none did recently: nothing tells isolation from death. */
        NO_RECENT_REPORT,
        /** No peer has ever reported on it: peer checks are not configured. */
        NOT_WATCHED
    }

    private final CorrelatorPolicy policy;

    PeerWitness(CorrelatorPolicy policy) {
        this.policy = policy;
    }

    /** Takes note of what a current observation's node could reach. */
    void record(ClusterState cluster, NodeObservation observation, Instant loggedAt) {
        for (PeerCheck check : observation.getPeers()) {
            if (check.getPeer().equals(observation.getNode())) {
                continue;
            }
            cluster.node(check.getPeer()).ifPresent(peer -> note(peer, check, loggedAt));
        }
    }

    Verdict verdict(NodeState node, Instant now) {
        if (!node.watchedByPeers) {
            return Verdict.NOT_WATCHED;
        }
        final Instant recent = now.minus(policy.nodeSilentAfter());
        if (node.peerReachedAt != null && node.peerReachedAt.isAfter(recent)) {
            return Verdict.REACHED;
        }
        if (node.peerUnreachedAt != null && node.peerUnreachedAt.isAfter(recent)) {
            return Verdict.UNREACHED;
        }
        return Verdict.NO_RECENT_REPORT;
    }

    /** Whether peers allow treating the node's silence as its death. */
    boolean allowsFencingSilent(NodeState node, Instant now) {
        final Verdict verdict = verdict(node, now);
        return verdict == Verdict.UNREACHED || verdict == Verdict.NOT_WATCHED;
    }

    private static void note(NodeState peer, PeerCheck check, Instant loggedAt) {
        switch (check.getStatus()) {
            case OK -> {
                peer.watchedByPeers = true;
                peer.peerReachedAt = later(peer.peerReachedAt, loggedAt);
            }
            case DOWN, HUNG -> {
                peer.watchedByPeers = true;
                peer.peerUnreachedAt = later(peer.peerUnreachedAt, loggedAt);
            }
            default -> {
                // NOT_CHECKED, PARSE_ERROR, UNAVAILABLE say nothing about the peer
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
