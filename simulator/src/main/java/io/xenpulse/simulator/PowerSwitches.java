package io.xenpulse.simulator;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The power of every node: the fence agent's {@code off} and {@code on} (which fail while the node's fence
 * device does not answer), a power loss, and an operator's power-on by hand. A node powered on boots (for
 * its boot time) and then starts the domains of its {@code /etc/xen/auto}, after its power-on is recorded.
 * Used under the cluster's lock.
 */
final class PowerSwitches {

    static final String DEVICE_UNREACHABLE = "Failed: Unable to connect/login to fencing device";

    private final SimulatedCluster cluster;
    private final Set<String> brokenDevices = new HashSet<>();

    PowerSwitches(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    ActionOutcome off(String node) {
        final SimulatedNode target = cluster.nodeOrNull(node);
        final ActionOutcome outcome;
        if (target == null) {
            outcome = noSuchNode(node);
        } else if (!deviceAnswers(node)) {
            outcome = ActionOutcome.failure(DEVICE_UNREACHABLE);
        } else if (target.power() == PowerState.OFF) {
            outcome = ActionOutcome.success("Success: Already OFF");
        } else {
            target.powerOff(cluster.now(), ActionOrigin.ACTUATOR);
            outcome = ActionOutcome.success("Success: Powered OFF");
        }
        return record(node, ActionKind.POWER_OFF, ActionOrigin.ACTUATOR, outcome);
    }

    /** A fence agent's {@code on} (needs the device) or an operator's power button (does not). */
    ActionOutcome on(String node, ActionOrigin origin) {
        final SimulatedNode target = cluster.nodeOrNull(node);
        if (target == null) {
            return record(node, ActionKind.POWER_ON, origin, noSuchNode(node));
        }
        if (origin == ActionOrigin.ACTUATOR && !deviceAnswers(node)) {
            return record(node, ActionKind.POWER_ON, origin, ActionOutcome.failure(DEVICE_UNREACHABLE));
        }
        if (target.power() == PowerState.ON) {
            return record(node, ActionKind.POWER_ON, origin, ActionOutcome.success("Success: Already ON"));
        }
        final boolean booted = target.powerOn(cluster.now());
        record(node, ActionKind.POWER_ON, origin, ActionOutcome.success("Success: Powered ON"));
        if (booted) {
            target.completeBoot();
        }
        return ActionOutcome.success("Success: Powered ON");
    }

    void lose(String node) {
        final SimulatedNode target = cluster.node(node);
        if (target.power() == PowerState.ON) {
            target.powerOff(cluster.now(), ActionOrigin.FAULT);
            record(node, ActionKind.POWER_LOST, ActionOrigin.FAULT, ActionOutcome.success("power lost"));
        }
    }

    void breakDevice(String node) {
        cluster.node(node);
        brokenDevices.add(node);
        record(node, ActionKind.FENCE_DEVICE_BROKEN, ActionOrigin.FAULT, ActionOutcome.success(DEVICE_UNREACHABLE));
    }

    void repairDevice(String node) {
        cluster.node(node);
        brokenDevices.remove(node);
        record(node, ActionKind.FENCE_DEVICE_REPAIRED, ActionOrigin.FAULT,
                ActionOutcome.success("fence device answers again"));
    }

    boolean deviceAnswers(String node) {
        return !brokenDevices.contains(node);
    }

    private ActionOutcome record(String node, ActionKind kind, ActionOrigin origin, ActionOutcome outcome) {
        final Instant now = cluster.now();
        cluster.append(new ActionRecord(now, node, kind, Optional.empty(), origin, outcome.succeeded(),
                outcome.message()));
        return outcome;
    }

    private static ActionOutcome noSuchNode(String node) {
        return ActionOutcome.failure("Failed: no such node '" + node + "'");
    }
}
