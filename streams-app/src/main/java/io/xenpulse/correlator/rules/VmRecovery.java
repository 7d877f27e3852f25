package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.decision.EvidenceItem;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recovers VMs that are guaranteed down: restarts them in place, or relocates them once the source node is
 * proven not to run them (invariant 1: a confirmed stop seen absent afterwards, or a fence verified OFF).
 * Every start, first attempt or retry, in place or elsewhere, passes {@link StartGate} first. A VM that keeps
 * dying is held for an operator (flap damping, Pacemaker's migration-threshold and failure-timeout).
 */
final class VmRecovery {

    private static final int MAX_RECOVERY_ATTEMPTS = 2;

    private final CorrelatorPolicy policy;
    private final StartGate gate;

    VmRecovery(CorrelatorPolicy policy, StartGate gate) {
        this.policy = policy;
        this.gate = gate;
    }

    void onConfirmedDead(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        final List<EvidenceItem> evidence = reading.evidence(Optional.of(vm.name));
        if (held(cluster, vm, node.name, evidence, out) || flapping(vm, node.name, evidence, out)) {
            return;
        }
        final String incident = deathIncident(vm);
        if (cluster.policyOf(vm.name) == RecoveryPolicy.RESTART) {
            if (withheld(vm, node.name, gate.objectionToRestartOn(cluster, vm, node.name, out.now()), evidence, out)) {
                return;
            }
            vm.status = VmStatus.RECOVERING;
            vm.recoveryTarget = node.name;
            vm.recoveryAttempts++;
            vm.pendingCommandId = out.command(new Emitter.CommandRequest(Rule.VM_DEAD_RESTART,
                    DecisionAction.RESTART_VM, CommandKind.RESTART_VM, node.name, vm.name, null, null, incident,
                    vm.recoveryAttempts, policy.commandTtl()), vm.name + " not running in two healthy listings ("
                    + vm.suspectSequence + ", " + reading.observation().getSequence() + "): restart on " + node.name,
                    evidence);
            return;
        }
        vm.status = VmStatus.STOPPING;
        vm.pendingCommandId = out.command(new Emitter.CommandRequest(Rule.VM_DEAD_STOP_FOR_RELOCATION,
                DecisionAction.STOP_VM, CommandKind.STOP_VM, node.name, vm.name, null, null, incident, 1,
                policy.commandTtl()), vm.name + " dead on " + node.name
                + ": make sure it is stopped there before starting it elsewhere", evidence);
    }

    void onStopConfirmed(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        vm.stopConfirmed = true;
        relocate(cluster, vm, node.name, deathIncident(vm), Rule.VM_STOP_CONFIRMED_RELOCATE, "stop of " + vm.name + " on "
                + node.name + " confirmed by a later healthy listing", reading.evidence(Optional.of(vm.name)), out);
    }

    /** The node was fenced and verified OFF: every VM that ran there starts elsewhere. */
    void onNodeFenced(ClusterState cluster, NodeState node, CommandResult fence, Emitter out) {
        for (VmState vm : cluster.vmsOn(node.name)) {
            relocate(cluster, vm, node.name, node.incidentId, Rule.VM_RELOCATE_AFTER_FENCE, node.name + " fenced and verified OFF",
                    List.of(Results.evidence(fence)), out);
        }
    }

    /** Returns true when the result was for one of our VM commands. */
    boolean onResult(ClusterState cluster, CommandResult result, Emitter out) {
        final Optional<VmState> found = result.getVm() == null ? Optional.empty() : cluster.vm(result.getVm());
        if (found.isEmpty() || !result.getCommandId().equals(found.get().pendingCommandId)) {
            return false;
        }
        final VmState vm = found.get();
        final List<EvidenceItem> evidence = List.of(Results.evidence(result));
        if (result.getKind() == CommandKind.STOP_VM) {
            if (Results.succeeded(result)) {
                vm.status = VmStatus.AWAITING_STOP_CONFIRMATION;
                vm.stopAwaitSince = out.now();
                vm.stopConfirmAfterSequence = cluster.node(vm.node).map(n -> n.lastSequence).orElse(-1L);
                vm.stopBootId = cluster.node(vm.node).map(n -> n.bootId).orElse("");
            } else {
                vm.hold("stop on " + vm.node + " failed (" + result.getStatus() + "); it may still run there");
                out.judge(Rule.VM_STOP_FAILED, DecisionAction.NONE, vm.node, vm.name, vm.heldReason, evidence);
            }
            return true;
        }
        if (Results.succeeded(result)) {
            out.judge(Rule.VM_RECOVERED, DecisionAction.NONE, result.getTargetNode(), vm.name,
                    vm.name + " started on " + result.getTargetNode(), evidence);
            vm.running(result.getTargetNode());
            // the actuator saw it start there: as good as a listing until the node's own listing says otherwise
            VmSightings.seen(vm, result.getTargetNode(), out.now());
        } else if (retryable(result.getStatus()) && vm.recoveryAttempts < MAX_RECOVERY_ATTEMPTS) {
            retry(cluster, vm, result, evidence, out);
        } else {
            vm.hold("recovery failed: " + result.getStatus() + " " + result.getDetail());
            out.judge(Rule.VM_RECOVERY_FAILED, DecisionAction.NONE, result.getTargetNode(), vm.name,
                    vm.heldReason + "; an operator must look", evidence);
        }
        return true;
    }

    /**
     * A retry passes the same gate as the first attempt: the world may have changed since (a node rejoined).
     * It goes to the same node only, and only while that node's control path is healthy: the attempt that
     * failed may have started the VM there, so no other node may take it, and a node whose toolstack is down
     * cannot be acted on (invariant 2).
     */
    private void retry(ClusterState cluster, VmState vm, CommandResult failed, List<EvidenceItem> evidence,
            Emitter out) {
        final boolean relocation = failed.getKind() == CommandKind.RELOCATE_VM;
        final String target = failed.getTargetNode();
        final boolean targetHealthy = cluster.node(target)
                .filter(n -> cluster.isHealthyAndHeard(n, out.now(), policy.nodeSilentAfter())).isPresent();
        final Optional<String> unsafe = !targetHealthy
                ? Optional.of(target + " is not healthy now; the failed attempt may or may not have started "
                        + vm.name + " there")
                : relocation ? gate.objectionToStartElsewhere(cluster, vm, failed.getSourceNode(), target, out.now())
                : gate.objectionToRestartOn(cluster, vm, target, out.now());
        if (withheld(vm, failed.getTargetNode(), unsafe, evidence, out)) {
            return;
        }
        vm.recoveryAttempts++;
        vm.pendingCommandId = out.command(new Emitter.CommandRequest(
                relocation ? Rule.VM_RELOCATE_AFTER_FENCE : Rule.VM_DEAD_RESTART,
                relocation ? DecisionAction.RELOCATE_VM : DecisionAction.RESTART_VM, failed.getKind(),
                failed.getTargetNode(), vm.name, null, failed.getSourceNode(), "retry-of-" + failed.getCommandId().hashCode(),
                vm.recoveryAttempts, policy.commandTtl()), "previous attempt " + failed.getStatus() + ", retrying",
                evidence);
    }

    private void relocate(ClusterState cluster, VmState vm, String sourceNode, String incident, Rule rule, String why,
            List<EvidenceItem> evidence, Emitter out) {
        if (held(cluster, vm, sourceNode, evidence, out)) {
            return;
        }
        final Optional<String> target = TargetChooser.choose(cluster, sourceNode, out.now(), policy);
        final Optional<String> unsafe = target.isEmpty() ? Optional.of("no healthy node to relocate to")
                : gate.objectionToStartElsewhere(cluster, vm, sourceNode, target.get(), out.now());
        if (withheld(vm, sourceNode, unsafe, evidence, out)) {
            return;
        }
        vm.status = VmStatus.RECOVERING;
        vm.recoveryTarget = target.get();
        vm.recoveryAttempts++;
        vm.pendingCommandId = out.command(new Emitter.CommandRequest(rule, DecisionAction.RELOCATE_VM,
                CommandKind.RELOCATE_VM, target.get(), vm.name, null, sourceNode, "from-" + sourceNode
                + "-" + incident, vm.recoveryAttempts, policy.commandTtl()),
                why + ": start " + vm.name + " on " + target.get(), evidence);
    }

    /** Holds the VM when the start gate objects; returns true when it did. */
    private static boolean withheld(VmState vm, String node, Optional<String> objection, List<EvidenceItem> evidence,
            Emitter out) {
        if (objection.isEmpty()) {
            return false;
        }
        vm.hold(objection.get());
        out.judge(Rule.VM_HELD, DecisionAction.SUPPRESSED, node, vm.name,
                "start of " + vm.name + " withheld: " + vm.heldReason, evidence);
        return true;
    }

    /** Records a death; returns true (and holds the VM) when it died more often than the policy allows. */
    private boolean flapping(VmState vm, String node, List<EvidenceItem> evidence, Emitter out) {
        final Instant now = out.now();
        vm.failures.add(now);
        vm.failures.removeIf(at -> !at.plus(policy.vmFailureWindow()).isAfter(now));
        if (vm.failures.size() <= policy.vmMaxFailures()) {
            return false;
        }
        vm.hold(vm.name + " died " + vm.failures.size() + " times within " + policy.vmFailureWindow().toMinutes()
                + " min (more than " + policy.vmMaxFailures() + ")");
        out.judge(Rule.VM_FLAPPING, DecisionAction.NONE, node, vm.name, vm.heldReason
                + ": held for an operator instead of restarting it again", evidence);
        return true;
    }

    private static boolean held(ClusterState cluster, VmState vm, String node, List<EvidenceItem> evidence,
            Emitter out) {
        final String reason;
        if (cluster.deliberatelyStopped(vm.name)) {
            reason = vm.name + " was stopped on purpose (inventory desired state STOPPED)";
        } else if (cluster.inMaintenance(node)) {
            reason = node + " is in maintenance";
        } else {
            return false;
        }
        vm.hold(reason);
        out.judge(Rule.VM_HELD, DecisionAction.NONE, node, vm.name, reason + ": no automatic recovery", evidence);
        return true;
    }

    /** A VM's death is identified by the observation that first showed it missing (boot and sequence). */
    private static String deathIncident(VmState vm) {
        final String boot = vm.suspectBootId.length() > 8 ? vm.suspectBootId.substring(0, 8) : vm.suspectBootId;
        return "dead-" + boot + "-" + vm.suspectSequence;
    }

    private static boolean retryable(ResultStatus status) {
        return status == ResultStatus.TIMEOUT || status == ResultStatus.ERROR_RETRYABLE;
    }
}
