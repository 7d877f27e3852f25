package io.xenpulse.simulator;

/**
 * How a node is watched, apart from the node itself: its probe process, and its uplink (the network to the
 * broker and to the other nodes). A dead probe publishes nothing although the node is fine and its peers
 * still reach it; a cut uplink silences the probe too, and the peers cannot reach the node either; a power
 * loss ends both, as far as anyone can tell. Used under the cluster's lock.
 */
public final class NodeMonitoringPath {

    private final SimulatedCluster cluster;
    private final String node;
    private boolean probeRunning = true;
    private boolean uplinkUp = true;

    NodeMonitoringPath(SimulatedCluster cluster, String node) {
        this.cluster = cluster;
        this.node = node;
    }

    /** The probe process dies (OOM, a bug); the node and its domains are untouched. */
    public void killProbe() {
        cluster.locked(() -> {
            probeRunning = false;
            cluster.record(node, ActionKind.PROBE_STOPPED, "xenpulse-probe", ActionOrigin.FAULT,
                    ActionOutcome.success("xenpulse-probe.service: main process exited, code=killed"));
        });
    }

    /** systemd (or an operator) starts the probe again. */
    public void startProbe() {
        cluster.locked(() -> {
            probeRunning = true;
            cluster.record(node, ActionKind.PROBE_STARTED, "xenpulse-probe", ActionOrigin.OPERATOR,
                    ActionOutcome.success("Started xenpulse-probe.service"));
        });
    }

    public void cutUplink() {
        cluster.locked(() -> {
            uplinkUp = false;
            cluster.record(node, ActionKind.UPLINK_CUT, "uplink", ActionOrigin.FAULT,
                    ActionOutcome.success("eth0: link down"));
        });
    }

    public void restoreUplink() {
        cluster.locked(() -> {
            uplinkUp = true;
            cluster.record(node, ActionKind.UPLINK_RESTORED, "uplink", ActionOrigin.OPERATOR,
                    ActionOutcome.success("eth0: link up"));
        });
    }

    /** Whether the probe process runs (on a node that is up: powered on and booted). */
    public boolean probeRunning() {
        return cluster.locked(() -> probeRunning && cluster.node(node).up());
    }

    /** Whether the node is on the network; an off or still booting node is not. */
    public boolean uplinkUp() {
        return cluster.locked(() -> uplinkUp && cluster.node(node).up());
    }

    /** The probe is a boot-time service: a fresh boot runs it again (a cut cable stays cut). */
    void startedByBoot() {
        probeRunning = true;
    }

    /** For callers under the cluster's lock. */
    boolean reachable() {
        return uplinkUp;
    }
}
