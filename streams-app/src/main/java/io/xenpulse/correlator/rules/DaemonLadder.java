package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.decision.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The soft rungs of the escalation ladder for one node: grace while the control daemon is down, then
 * bounded restarts, each verified by a healthy observation. When they are exhausted the node is handed to
 * {@link FenceLadder}. It never touches a VM: a daemon outage makes VMs UNKNOWN, not dead.
 */
final class DaemonLadder {

    private final CorrelatorPolicy policy;
    private final FenceLadder fence;
    private final OwnView ownView;

    DaemonLadder(CorrelatorPolicy policy, FenceLadder fence, OwnView ownView) {
        this.policy = policy;
        this.fence = fence;
        this.ownView = ownView;
    }

    void onReading(NodeState node, ObservationReading reading, Emitter out) {
        final ControlPath path = reading.controlPath();
        node.controlPath = path;
        node.toolstack = reading.toolstack();
        if (node.toolstack == NodeToolstack.NONE) {
            reportUnmonitorable(node, reading, out);
            return;
        }
        node.unmonitorableReported = false;
        final String daemon = node.toolstack.controlDaemon();
        if (path.isHealthy()) {
            if (node.phase.recoversOnHealthyObservation()) {
                final String reason = daemon + " answers again after " + outageLength(node, out.now())
                        + (node.restartAttempts > 0 ? " and " + node.restartAttempts + " restart(s)" : "");
                out.judge(Rule.DAEMON_RECOVERED, DecisionAction.NONE, node.name, null, reason,
                        reading.evidence(Optional.empty()));
                node.closeIncident();
            }
            return;
        }
        if (node.phase == NodePhase.HEALTHY) {
            node.phase = NodePhase.DAEMON_DOWN;
            node.daemonDownSince = out.now();
            node.openIncident("incident-" + shortBoot(node) + "-" + reading.observation().getSequence(),
                    daemon + " " + path);
            out.judge(Rule.DAEMON_OUTAGE_GRACE, DecisionAction.NONE, node.name, null,
                    daemon + " is " + path + ": VMs on " + node.name + " are UNKNOWN, not dead; "
                            + (node.toolstack.restartable() ? "restart after " + policy.daemonGrace().toSeconds()
                                    + " s grace" : daemon + " cannot be restarted in place; fence after "
                                    + policy.escalationWithoutRestart().toSeconds() + " s"),
                    reading.evidence(Optional.empty()));
        }
    }

    /**
     * A node whose probe found no usable listing tool cannot be judged at all: that is a configuration problem
     * to report once, never a failing daemon to restart or a reason to fence. Its VMs are UNKNOWN.
     */
    private static void reportUnmonitorable(NodeState node, ObservationReading reading, Emitter out) {
        if (node.phase == NodePhase.DAEMON_DOWN || node.phase == NodePhase.RESTARTING) {
            node.closeIncident(); // the outage was judged on a toolstack the node does not run
        }
        if (!node.unmonitorableReported) {
            node.unmonitorableReported = true;
            out.judge(Rule.NODE_UNMONITORABLE, DecisionAction.NONE, node.name, null, "the probe on " + node.name
                    + " found no usable listing tool (xm, xl, xenstore, virsh): a configuration problem; its VMs"
                    + " are UNKNOWN, no daemon is restarted and it is never fenced for it",
                    reading.evidence(Optional.empty()));
        }
    }

    /** Time-driven rungs: grace expiry, restart retries, verification deadlines. */
    void advance(ClusterState cluster, NodeState node, Emitter out) {
        final Instant now = out.now();
        if (!ownView.seesNow(cluster, node, now)) {
            return; // the observation that ends the outage may be in the backlog we are still reading
        }
        switch (node.phase) {
            case DAEMON_DOWN -> {
                if (node.toolstack.restartable() && !node.daemonDownSince.plus(policy.daemonGrace()).isAfter(now)) {
                    restart(cluster, node, out, node.toolstack.controlDaemon() + " " + node.controlPath
                            + " for longer than the " + policy.daemonGrace().toSeconds() + " s grace");
                } else if (!node.toolstack.restartable()
                        && !node.daemonDownSince.plus(policy.escalationWithoutRestart()).isAfter(now)) {
                    fence.request(node, node.toolstack.controlDaemon() + " " + node.controlPath + " for "
                            + policy.escalationWithoutRestart().toSeconds() + " s; it cannot be restarted in place");
                }
            }
            case RESTARTING -> {
                if (node.restartFailedAt == null && !node.restartVerifyDeadline.isAfter(now)) {
                    node.restartFailedAt = now;
                    out.judge(Rule.DAEMON_RESTART_FAILED, DecisionAction.NONE, node.name, null,
                            "no healthy observation within " + policy.restartVerifyTimeout().toSeconds()
                                    + " s of restart attempt " + node.restartAttempts, timerEvidence(node, now));
                }
                if (node.restartFailedAt != null && !node.restartFailedAt.plus(policy.restartRetryDelay()).isAfter(now)) {
                    if (node.restartAttempts < policy.maxRestartAttempts()) {
                        restart(cluster, node, out, "restart attempt " + node.restartAttempts
                                + " did not bring " + node.toolstack.controlDaemon() + " back");
                    } else {
                        fence.request(node, node.toolstack.controlDaemon() + " still " + node.controlPath + " after "
                                + node.restartAttempts + " restart attempts");
                    }
                }
            }
            default -> {
                // other phases are driven by the fence ladder or need no timer
            }
        }
    }

    void onResult(NodeState node, CommandResult result, Emitter out) {
        if (node.phase != NodePhase.RESTARTING || !result.getCommandId().equals(node.restartCommandId)) {
            return;
        }
        if (Results.succeeded(result)) {
            return; // success is proven by the next healthy observation, not by the actuator's word
        }
        node.restartFailedAt = out.now();
        out.judge(Rule.DAEMON_RESTART_FAILED, DecisionAction.NONE, node.name, null,
                "restart attempt " + node.restartAttempts + " failed: " + result.getStatus(),
                List.of(Results.evidence(result)));
    }

    private void restart(ClusterState cluster, NodeState node, Emitter out, String reason) {
        if (cluster.inMaintenance(node.name)) {
            return;
        }
        node.phase = NodePhase.RESTARTING;
        node.restartAttempts++;
        node.restartFailedAt = null;
        node.restartVerifyDeadline = out.now().plus(policy.restartVerifyTimeout());
        node.restartCommandId = out.command(new Emitter.CommandRequest(Rule.DAEMON_RESTART,
                DecisionAction.RESTART_DAEMON, CommandKind.RESTART_DAEMON, node.name, null,
                node.toolstack.controlDaemon(), null, node.incidentId, node.restartAttempts, policy.commandTtl()),
                reason + "; attempt " + node.restartAttempts + " of " + policy.maxRestartAttempts(),
                timerEvidence(node, out.now()));
    }

    static List<EvidenceItem> timerEvidence(NodeState node, Instant now) {
        return List.of(new EvidenceItem(node.name, node.lastSequence, now, "node.phase", node.phase.name()),
                new EvidenceItem(node.name, node.lastSequence, now, ObservationReading.healthSignal(node.toolstack),
                        node.controlPath.name()));
    }

    private static String outageLength(NodeState node, Instant now) {
        if (node.daemonDownSince == null) {
            return "an outage";
        }
        return Duration.between(node.daemonDownSince, now).toMillis() + " ms";
    }

    private static String shortBoot(NodeState node) {
        return node.bootId.length() > 8 ? node.bootId.substring(0, 8) : node.bootId;
    }
}
