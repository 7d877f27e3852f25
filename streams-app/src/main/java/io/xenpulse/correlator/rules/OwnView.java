package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invariant 9, our own blindness is not the cluster's failure: whether the correlator may trust its own view
 * of a cluster enough to call a node silent, lost or failing.
 *
 * <p>The view stops being trusted when the correlator itself was away from the cluster (its own restart, a
 * stalled stream thread: nothing, not even a tick, touched the cluster for longer than the maximum lag) or
 * falls behind (it reads an observation that reached the log longer ago than the maximum lag). From then on a
 * node's silence is counted from the moment trust was regained, never from before: a newly elected vSphere HA
 * master likewise waits a full bound of its own before it declares hosts dead. Until a full lost-node bound has
 * passed on the correlator's own clock, nothing is fenced: a fence is the one act that cannot be taken back.
 *
 * <pre>
 *  trusted --gap or late read--> catching up --(lost-node bound passes, no new gap or late read)--> trusted
 * </pre>
 */
final class OwnView {

    private final Duration maxLag;
    private final Duration settle;
    /**
     * When this correlator instance last processed anything of each cluster. Kept in memory on purpose: a
     * restarted instance, or one a cluster's task just moved to, has no memory of it and so starts distrusting
     * (and the state store is not rewritten on every tick just to move a clock).
     */
    private final Map<String, Instant> lastProcessedAt = new HashMap<>();

    OwnView(CorrelatorPolicy policy) {
        this.maxLag = policy.observationMaxLag();
        this.settle = policy.nodeLostAfter();
    }

    /** Records that the correlator is looking at the cluster now; a long absence restarts the silence clocks. */
    void onActivity(ClusterState cluster, Emitter out) {
        final Instant now = out.now();
        final Instant last = lastProcessedAt.put(cluster.cluster(), now);
        if (cluster.trustedSince == null && cluster.nodes().isEmpty()) {
            // a cluster new to the whole pipeline has no past to misjudge: nodes never heard from are never
            // fenced, and a backlog read late still makes the view untrusted
            cluster.trustedSince = now.minus(settle);
        } else if (cluster.trustedSince == null) {
            distrust(cluster, out, "the stored state of this cluster predates this correlator's own-view tracking");
        } else if (last == null) {
            distrust(cluster, out, "this correlator instance has just started or taken over the cluster");
        } else if (Duration.between(last, now).compareTo(maxLag) > 0) {
            distrust(cluster, out, "the correlator did not process this cluster for "
                    + Duration.between(last, now).toSeconds() + " s (its own restart or a stall)");
        }
    }

    /** An observation read longer than the maximum lag after it reached the log: we are behind. */
    void onLateRead(ClusterState cluster, Duration lag, Emitter out) {
        distrust(cluster, out, "the correlator reads observations " + lag.toMillis() + " ms after they reached"
                + " the log (it is catching up)");
    }

    /**
     * Whether the correlator sees the node as it is now: its view is trusted, or it has read an observation of
     * the node as the present since the view was last found untrustworthy. Enough to act on what that node
     * itself reports (its daemon), never on its silence.
     */
    boolean seesNow(ClusterState cluster, NodeState node, Instant now) {
        return trusted(cluster, now) || node.currentReadAt != null && !node.currentReadAt.isBefore(cluster.trustedSince);
    }

    /** Whether more than a full lost-node bound has passed since the view was last found untrustworthy. */
    boolean trusted(ClusterState cluster, Instant now) {
        return cluster.trustedSince == null || now.isAfter(cluster.trustedSince.plus(settle));
    }

    private void distrust(ClusterState cluster, Emitter out, String why) {
        final boolean wasTrusted = trusted(cluster, out.now());
        cluster.trustedSince = out.now();
        if (wasTrusted) {
            out.judge(Rule.CORRELATOR_CATCHING_UP, DecisionAction.NONE, null, null, why + ": silence is counted"
                    + " from now on, and nothing is fenced before " + out.now().plus(settle), List.of());
        }
    }
}
