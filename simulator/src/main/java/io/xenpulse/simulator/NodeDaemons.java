package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The toolstack of one node and its control daemons: xend (classic nodes only), xenconsoled and xenstored
 * (which never fails here). Takes xend faults and their scheduled ends, says whether {@code xm}/{@code xl}
 * can run a command now, restarts daemons, and keeps the cluster's record of xend outages.
 * Not thread-safe: used under the cluster's lock by its node.
 */
final class NodeDaemons {

    private final SimulatedCluster cluster;
    private final String node;
    private final Toolstack toolstack;
    private XendDaemon xend = new XendDaemon();
    private boolean xenconsoledRunning = true;

    NodeDaemons(SimulatedCluster cluster, String node, Toolstack toolstack) {
        if (toolstack != Toolstack.XM && toolstack != Toolstack.XL) {
            throw new IllegalArgumentException("a simulated node runs XM or XL, not " + toolstack);
        }
        this.cluster = cluster;
        this.node = node;
        this.toolstack = toolstack;
    }

    Toolstack toolstack() {
        return toolstack;
    }

    boolean hasXend() {
        return toolstack == Toolstack.XM;
    }

    /** A stop or a hang of xend, with its scheduled end (an operator's restart, the hang's end) if any. */
    void injectXendFault(Optional<Instant> endsAt, ActionKind kind, String message,
            BiConsumer<XendDaemon, Optional<Instant>> fault) {
        requireXend();
        fault.accept(xend, endsAt);
        cluster.xendStopsAnswering(node, cluster.now());
        cluster.record(node, kind, ProbeView.XEND, ActionOrigin.FAULT, ActionOutcome.success(message));
    }

    void makeXendUnrestartable() {
        requireXend();
        xend.makeUnrestartable();
        cluster.record(node, ActionKind.DAEMON_UNRESTARTABLE, ProbeView.XEND, ActionOrigin.FAULT,
                ActionOutcome.success("xend can no longer start"));
    }

    Optional<Instant> pendingXendChange() {
        return hasXend() ? xend.pendingChange() : Optional.empty();
    }

    /** Applies the xend change a fault scheduled for {@code at}: the operator's restart, or a hang's end. */
    void applyPendingXendChange(Instant at) {
        if (xend.status() == XendDaemon.Status.HUNG) {
            xend.stopHanging();
            cluster.xendAnswersAgain(node, at);
            cluster.record(node, at, ActionKind.DAEMON_RECOVERED, ProbeView.XEND, ActionOrigin.OPERATOR,
                    ActionOutcome.success("xend answers again"));
        } else {
            cluster.record(node, at, ActionKind.DAEMON_RESTART, ProbeView.XEND, ActionOrigin.OPERATOR,
                    restart(ProbeView.XEND, at));
        }
    }

    /** Whether the control path answers: xend on a classic node, libxl with xenstored on an xl-only one. */
    boolean controlPathAnswers() {
        return !hasXend() || xend.answers();
    }

    void killXenconsoled() {
        xenconsoledRunning = false;
    }

    /** A fresh boot: every daemon starts healthy again. */
    void boot() {
        xend = new XendDaemon();
        xenconsoledRunning = true;
    }

    NodeSignals signals(List<HostedDomains.Row> domains, Duration toolTimeout, List<PeerCheck> peers) {
        return ProbeView.read(toolstack, xend, xenconsoledRunning, domains, toolTimeout, peers);
    }

    /** Why the toolstack cannot run {@code xm SUBCOMMAND} now; empty when it can (always, for xl). */
    Optional<ActionOutcome> unavailable(String subcommand, Duration toolTimeout) {
        if (!hasXend()) {
            return Optional.empty();
        }
        return switch (xend.status()) {
            case RUNNING -> Optional.empty();
            case STOPPED -> Optional.of(ActionOutcome.failure(XenMessages.XEND_UNREACHABLE));
            case HUNG -> Optional.of(ActionOutcome.failure(XenMessages.xendTimeout("xm " + subcommand, toolTimeout)));
        };
    }

    /**
     * {@code service DAEMON restart}. Restarting xend also starts xenconsoled, as xend's start script does;
     * it fails when xend was made unrestartable, and on an xl-only node, which has no xend service.
     */
    ActionOutcome restart(String daemon, Instant at) {
        return switch (daemon) {
            case ProbeView.XEND -> hasXend() ? restartXend(at)
                    : ActionOutcome.failure(XenMessages.unrecognizedService(daemon));
            case ProbeView.XENCONSOLED -> {
                xenconsoledRunning = true;
                yield ActionOutcome.success(XenMessages.daemonRestarted(daemon));
            }
            case ProbeView.XENSTORED -> ActionOutcome.success(XenMessages.daemonRestarted(daemon));
            default -> ActionOutcome.failure(XenMessages.unrecognizedService(daemon));
        };
    }

    private ActionOutcome restartXend(Instant at) {
        if (!xend.restart()) {
            cluster.xendStopsAnswering(node, at);
            return ActionOutcome.failure(XenMessages.daemonRestartFailed(ProbeView.XEND));
        }
        xenconsoledRunning = true;
        cluster.xendAnswersAgain(node, at);
        return ActionOutcome.success(XenMessages.daemonRestarted(ProbeView.XEND));
    }

    private void requireXend() {
        if (!hasXend()) {
            throw new IllegalStateException(node + " is an xl-only node: it runs no xend");
        }
    }
}
