package io.xenpulse.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that happened to the simulated cluster's VMs, daemons and power, in time order: injected
 * faults, scheduled operator actions, and every action requested through the API (failed attempts
 * included). Scheduled changes that fell due are recorded at the instant they took effect.
 */
public final class ActionLog {

    private final SimulatedCluster cluster;
    private final List<ActionRecord> records = new ArrayList<>();

    ActionLog(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    /** Every record so far, oldest first. */
    public List<ActionRecord> entries() {
        return cluster.locked(() -> List.copyOf(records));
    }

    /** The VM starts and stops (attempted or done), oldest first. */
    public List<ActionRecord> vmActions() {
        return cluster.locked(() -> records.stream().filter(r -> r.kind().isVmAction()).toList());
    }

    /** Called under the cluster's lock. */
    void append(ActionRecord record) {
        records.add(record);
    }
}
