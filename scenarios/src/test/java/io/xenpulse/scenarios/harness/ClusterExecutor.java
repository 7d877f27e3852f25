package io.xenpulse.scenarios.harness;

import io.xenpulse.actuator.execution.ExecutionOutcome;
import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.demo.SimulatorExecutor;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.simulator.PowerState;
import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Executes recovery commands on the simulated cluster with the demo's {@link SimulatorExecutor}, but in
 * virtual time: each attempt takes a while, and acts on the cluster when it ends. Commands that go
 * over ssh (daemon restarts, VM starts and stops) hang until the action timeout when the node cannot be
 * reached (powered off, uplink cut) or when {@code xm create} hangs there; a fence goes out of band to the
 * node's fence device.
 */
final class ClusterExecutor {

    /** One attempt in progress: it ends at {@code endsAt} with the outcome {@code act} returns then. */
    record Attempt(Instant endsAt, Supplier<ExecutionOutcome> act) {
    }

    private static final Duration RESTART = Duration.ofSeconds(2);
    private static final Duration VM_ACTION = Duration.ofSeconds(1);
    private static final Duration FENCE = Duration.ofSeconds(2);

    private final SimulatedCluster cluster;
    /** The demo's executor does the check -> act -> verify itself; this class only adds time and reachability. */
    private final SimulatorExecutor actions;
    private final Duration actionTimeout;
    private final Map<String, Instant> hungStartsUntil = new HashMap<>();

    ClusterExecutor(SimulatedCluster cluster, Duration actionTimeout) {
        this.cluster = cluster;
        this.actions = new SimulatorExecutor(cluster);
        this.actionTimeout = actionTimeout;
    }

    /** Until {@code until}, {@code xm create} on the node hangs (a stuck block device, a slow xend). */
    void hangStartsOn(String node, Instant until) {
        hungStartsUntil.put(node, until);
    }

    Attempt begin(RecoveryCommand command, Instant now) {
        final String target = command.getTargetNode();
        if (cluster.nodes().stream().noneMatch(n -> n.name().equals(target))) {
            return new Attempt(now, () -> ExecutionOutcome.refused("no node named " + target + " in the cluster"));
        }
        final SimulatedNode node = cluster.node(target);
        final Supplier<ExecutionOutcome> act = () -> actions.execute(command);
        return switch (command.getKind()) {
            case FENCE_NODE -> new Attempt(now.plus(FENCE), act);
            case RESTART_DAEMON -> overSsh(node, now, RESTART, act);
            case STOP_VM -> overSsh(node, now, VM_ACTION, act);
            case RESTART_VM, RELOCATE_VM -> startsHang(target, now) ? timedOut(now) : overSsh(node, now, VM_ACTION, act);
        };
    }

    private Attempt overSsh(SimulatedNode node, Instant now, Duration takes, Supplier<ExecutionOutcome> act) {
        final boolean reachable = node.powerState() == PowerState.ON && node.monitoring().uplinkUp();
        return reachable ? new Attempt(now.plus(takes), act) : timedOut(now);
    }

    private Attempt timedOut(Instant now) {
        return new Attempt(now.plus(actionTimeout), () -> ExecutionOutcome.timeout("no answer within " + actionTimeout));
    }

    private boolean startsHang(String node, Instant now) {
        return now.isBefore(hungStartsUntil.getOrDefault(node, Instant.EPOCH));
    }

    /** What the node's fence device says of its power now, as the actuator asks before a fence-based start. */
    PowerStatus powerStatus(String node) {
        return actions.powerStatus(cluster.clusterId(), node);
    }
}
