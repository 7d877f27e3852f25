package io.xenpulse.demo;

import io.xenpulse.actuator.execution.CommandExecutor;
import io.xenpulse.actuator.execution.ExecutionOutcome;
import io.xenpulse.actuator.execution.PowerCheck;
import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.simulator.ActionOutcome;
import io.xenpulse.simulator.PowerState;
import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;

/**
 * Executes recovery commands against the simulated cluster, check -> act -> verify, as the real executors
 * (fence agents, xm, virsh) will against real nodes, and answers power checks from the simulated fence
 * devices ({@link SimulatedCluster#powerStatus}).
 */
public final class SimulatorExecutor implements CommandExecutor, PowerCheck {

    private final SimulatedCluster cluster;

    public SimulatorExecutor(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public ExecutionOutcome execute(RecoveryCommand command) {
        final String target = command.getTargetNode();
        if (cluster.nodes().stream().noneMatch(n -> n.name().equals(target))) {
            return ExecutionOutcome.refused("no node named " + target + " in the cluster");
        }
        return switch (command.getKind()) {
            case FENCE_NODE -> fence(target);
            case RESTART_DAEMON -> outcome(cluster.node(target).restartDaemon(command.getDaemon()));
            case STOP_VM -> stop(cluster.node(target), command.getVm());
            case RESTART_VM, RELOCATE_VM -> start(cluster.node(target), command.getVm());
        };
    }

    @Override
    public PowerStatus powerStatus(String clusterId, String node) {
        final boolean known = cluster.clusterId().equals(clusterId)
                && cluster.nodes().stream().anyMatch(n -> n.name().equals(node));
        if (!known) {
            return PowerStatus.unknown("no fence device for " + clusterId + "/" + node + " in the simulation");
        }
        if (!cluster.fenceDeviceAnswers(node)) {
            return PowerStatus.unknown("the fence device of " + node + " does not answer");
        }
        return cluster.powerStatus(node) == PowerState.OFF
                ? PowerStatus.off("status: OFF")
                : PowerStatus.on("status: ON");
    }

    private ExecutionOutcome fence(String node) {
        if (!cluster.fenceDeviceAnswers(node)) {
            return ExecutionOutcome.failed(ResultStatus.ERROR_RETRYABLE, "fence device does not answer");
        }
        if (cluster.powerStatus(node) == PowerState.OFF) {
            return new ExecutionOutcome(ResultStatus.ALREADY_IN_STATE, true, node + " was already OFF");
        }
        final ActionOutcome off = cluster.powerOff(node);
        if (!off.succeeded()) {
            return ExecutionOutcome.failed(ResultStatus.ERROR_RETRYABLE, off.message());
        }
        // verify, as fence agents do: poll the power status after the off action
        return cluster.powerStatus(node) == PowerState.OFF
                ? ExecutionOutcome.fencedOff("power OFF verified by status poll")
                : ExecutionOutcome.failed(ResultStatus.ERROR_RETRYABLE, "power still ON after off");
    }

    private static ExecutionOutcome stop(SimulatedNode node, String vm) {
        if (!node.runningDomains().contains(vm)) {
            return ExecutionOutcome.alreadyInState(vm + " is not running on " + node.name());
        }
        return outcome(node.stopDomain(vm));
    }

    private static ExecutionOutcome start(SimulatedNode node, String vm) {
        if (node.runningDomains().contains(vm)) {
            return ExecutionOutcome.alreadyInState(vm + " already runs on " + node.name());
        }
        return outcome(node.startDomain(vm));
    }

    private static ExecutionOutcome outcome(ActionOutcome outcome) {
        return outcome.succeeded()
                ? ExecutionOutcome.done(outcome.message())
                : ExecutionOutcome.failed(ResultStatus.ERROR_HARD, outcome.message());
    }
}
