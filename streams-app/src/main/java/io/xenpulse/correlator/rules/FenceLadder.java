package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hard rungs of the ladder for one node: a node that lost its control daemon for good, or fell silent,
 * is fenced, within the storm rules of {@link FenceGuard}; only a fence whose agent verified power OFF makes
 * the node FENCED, which is what allows its VMs to start elsewhere.
 */
final class FenceLadder {

    private final CorrelatorPolicy policy;
    private final FenceGuard guard;
    private final PeerWitness peers;

    FenceLadder(CorrelatorPolicy policy, FenceGuard guard, PeerWitness peers) {
        this.policy = policy;
        this.guard = guard;
        this.peers = peers;
    }

    /** Moves the node to AWAITING_FENCE; the fence itself is issued by {@link #advance} when allowed. */
    void request(NodeState node, String why) {
        if (node.phase == NodePhase.FENCING || node.phase == NodePhase.FENCED
                || node.phase == NodePhase.NEEDS_OPERATOR) {
            return;
        }
        node.phase = NodePhase.AWAITING_FENCE;
        node.incidentCause = why;
        node.lastSuppression = "";
    }

    /** Lost-node detection and fence issuance; returns true when the node just fell silent. */
    boolean advance(ClusterState cluster, NodeState node, Emitter out) {
        final Instant now = out.now();
        final boolean newlySilent = checkSilence(cluster, node, out);
        if (node.phase == NodePhase.AWAITING_FENCE) {
            tryFence(cluster, node, out);
        } else if (node.phase == NodePhase.FENCING && isExpired(cluster, node.fenceCommandId, now)) {
            cluster.pending.remove(node.fenceCommandId);
            fenceFailed(node, out, "no result before the fence command expired");
        }
        return newlySilent;
    }

    /** Returns true when the fence was verified OFF and the node is now FENCED. */
    boolean onResult(NodeState node, CommandResult result, Emitter out) {
        if (node.phase != NodePhase.FENCING || !result.getCommandId().equals(node.fenceCommandId)) {
            return false;
        }
        if (Results.fenceVerifiedOff(result)) {
            node.phase = NodePhase.FENCED;
            node.fencedBootId = node.bootId;
            out.judge(Rule.FENCE_VERIFIED_OFF, DecisionAction.NONE, node.name, null,
                    node.name + " is powered OFF (verified by the fence agent); its VMs may start elsewhere",
                    List.of(Results.evidence(result)));
            return true;
        }
        fenceFailed(node, out, "fence attempt " + node.fenceAttempts + " did not verify power OFF: "
                + result.getStatus());
        return false;
    }

    private boolean checkSilence(ClusterState cluster, NodeState node, Emitter out) {
        if (node.lastSeenAt == null || node.phase == NodePhase.FENCED || node.phase == NodePhase.FENCING) {
            return false;
        }
        final Instant now = out.now();
        final Duration silentFor = Duration.between(node.lastSeenAt, now);
        boolean newlySilent = false;
        if (!node.silentReported && cluster.isSilent(node, now, policy.nodeSilentAfter())) {
            node.silentReported = true;
            newlySilent = true;
            out.judge(Rule.NODE_SILENT, DecisionAction.NONE, node.name, null, "no observation for "
                    + silentFor.toSeconds() + " s: its VMs are UNKNOWN", DaemonLadder.timerEvidence(node, now));
        }
        final boolean lost = cluster.isSilent(node, now, policy.nodeLostAfter());
        if (lost && (node.phase == NodePhase.HEALTHY || node.phase == NodePhase.DAEMON_DOWN
                || node.phase == NodePhase.RESTARTING)) {
            final PeerWitness.Verdict verdict = peers.verdict(node, now);
            if (!peers.allowsFencingSilent(node, now)) {
                reportUnconfirmedLoss(node, verdict, silentFor, out);
                return newlySilent;
            }
            if (node.incidentId.isEmpty()) {
                node.openIncident("lost-" + node.lastSequence, "silent");
            }
            out.judge(Rule.NODE_LOST, DecisionAction.NONE, node.name, null, "no observation for "
                    + silentFor.toSeconds() + " s" + (verdict == PeerWitness.Verdict.UNREACHED
                            ? " and its peers cannot reach it" : " (no peer checks configured)")
                    + ": node lost, fencing it", DaemonLadder.timerEvidence(node, now));
            request(node, "silent for " + silentFor.toSeconds() + " s");
        }
        return newlySilent;
    }

    /**
     * A silent node its peers still reach (or stopped reporting on) is not dead: its probe or uplink is. That
     * needs an operator, never a fence; its VMs stay UNKNOWN. Reported once per verdict.
     */
    private static void reportUnconfirmedLoss(NodeState node, PeerWitness.Verdict verdict, Duration silentFor,
            Emitter out) {
        if (verdict.name().equals(node.silenceVerdictReported)) {
            return;
        }
        node.silenceVerdictReported = verdict.name();
        final boolean reached = verdict == PeerWitness.Verdict.REACHED;
        out.judge(reached ? Rule.NODE_PROBE_SILENT : Rule.NODE_ISOLATION_UNCONFIRMED, DecisionAction.NONE,
                node.name, null, "no observation for " + silentFor.toSeconds() + " s, but "
                        + (reached ? "its peers still reach it: its probe or uplink is down, not the node"
                                : "its peers stopped reporting on it too: isolation cannot be told from death")
                        + "; no fence, its VMs are UNKNOWN; an operator must look",
                DaemonLadder.timerEvidence(node, out.now()));
    }

    private void tryFence(ClusterState cluster, NodeState node, Emitter out) {
        final var objection = guard.objectionTo(cluster, node, out.now());
        if (objection.isPresent()) {
            if (!objection.get().equals(node.lastSuppression)) {
                node.lastSuppression = objection.get();
                out.judge(Rule.FENCE_SUPPRESSED, DecisionAction.SUPPRESSED, node.name, null,
                        "fence of " + node.name + " withheld: " + objection.get(),
                        DaemonLadder.timerEvidence(node, out.now()));
            }
            return;
        }
        node.phase = NodePhase.FENCING;
        node.fenceAttempts++;
        node.lastSuppression = "";
        node.fenceCommandId = out.command(new Emitter.CommandRequest(Rule.FENCE_NODE, DecisionAction.FENCE_NODE,
                CommandKind.FENCE_NODE, node.name, null, null, null, node.incidentId, node.fenceAttempts,
                policy.fenceTtl()), node.incidentCause + "; fence attempt " + node.fenceAttempts + " of "
                + policy.maxFenceAttempts(), DaemonLadder.timerEvidence(node, out.now()));
    }

    private void fenceFailed(NodeState node, Emitter out, String why) {
        if (node.fenceAttempts < policy.maxFenceAttempts()) {
            node.phase = NodePhase.AWAITING_FENCE;
            out.judge(Rule.FENCE_FAILED, DecisionAction.NONE, node.name, null, why + "; will retry",
                    DaemonLadder.timerEvidence(node, out.now()));
        } else {
            node.phase = NodePhase.NEEDS_OPERATOR;
            out.judge(Rule.FENCE_FAILED, DecisionAction.NONE, node.name, null, why + "; " + node.fenceAttempts
                    + " attempts exhausted, an operator must fence " + node.name + " by hand; its VMs stay UNKNOWN",
                    DaemonLadder.timerEvidence(node, out.now()));
        }
    }

    private static boolean isExpired(ClusterState cluster, String commandId, Instant now) {
        final PendingCommand pending = cluster.pending.get(commandId);
        return pending == null || !pending.expiresAt().isAfter(now);
    }
}
