package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.decision.DecisionAction;
import java.util.Optional;

/**
 * Judges VM liveness from observations (invariants 2 and 3): a VM is dead only when two observations from
 * its node, one after the other and both through a healthy control path, show it not running. Anything
 * seen through a dead, hung or unverified daemon, or from a silent node, makes it UNKNOWN, which is never
 * acted on. Confirmed deaths are handed to {@link VmRecovery}.
 */
final class VmWatch {

    private final VmRecovery recovery;

    VmWatch(VmRecovery recovery) {
        this.recovery = recovery;
    }

    void onReading(ClusterState cluster, NodeState node, ObservationReading reading, Emitter out) {
        for (String name : reading.aliveDomains()) {
            seenAlive(cluster, cluster.vmOrNew(name, node.name), node, reading, out);
        }
        for (VmState vm : cluster.vmsOn(node.name)) {
            if (!reading.aliveDomains().contains(vm.name)) {
                notSeen(cluster, vm, node, reading, out);
            }
        }
    }

    /** The node fell silent: nothing it said before proves anything now. */
    void onNodeSilent(ClusterState cluster, NodeState node, Emitter out) {
        for (VmState vm : cluster.vmsOn(node.name)) {
            if (vm.status == VmStatus.RUNNING || vm.status == VmStatus.SUSPECT) {
                vm.status = VmStatus.UNKNOWN;
                vm.suspectSequence = -1;
            }
        }
    }

    private void seenAlive(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading,
            Emitter out) {
        final boolean sameNode = node.name.equals(vm.node);
        switch (vm.status) {
            case RUNNING -> vm.node = node.name; // an operator's migration: follow it
            case SUSPECT, UNKNOWN -> {
                if (vm.status == VmStatus.SUSPECT) {
                    out.judge(Rule.VM_REAPPEARED, DecisionAction.NONE, node.name, vm.name,
                            vm.name + " is listed running again; the earlier absence was not a death",
                            reading.evidence(Optional.of(vm.name)));
                }
                vm.running(node.name);
            }
            case RECOVERING -> {
                if (node.name.equals(vm.recoveryTarget)) {
                    vm.running(node.name);
                }
            }
            case STOPPING, AWAITING_STOP_CONFIRMATION, HELD -> {
                if (!sameNode && vm.status == VmStatus.HELD) {
                    vm.running(node.name); // someone started it by hand elsewhere: track it again
                }
            }
        }
    }

    private void notSeen(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading,
            Emitter out) {
        final boolean proven = reading.provesNotRunning(vm.name);
        switch (vm.status) {
            case RUNNING -> {
                if (proven) {
                    vm.status = VmStatus.SUSPECT;
                    vm.suspectSequence = reading.observation().getSequence();
                    vm.suspectBootId = reading.observation().getBootId();
                    out.judge(Rule.VM_MISSING_ONCE, DecisionAction.NONE, node.name, vm.name, vm.name
                            + " missing from a healthy listing once; waiting for a second observation",
                            reading.evidence(Optional.of(vm.name)));
                } else {
                    markUnknown(vm, node, reading, out);
                }
            }
            case SUSPECT -> {
                if (!proven) {
                    markUnknown(vm, node, reading, out);
                } else if (isLaterObservationOfSameBoot(vm.suspectSequence, vm.suspectBootId, reading)) {
                    recovery.onConfirmedDead(cluster, vm, node, reading, out);
                }
            }
            case AWAITING_STOP_CONFIRMATION -> {
                if (proven && isLaterObservationOfSameBoot(vm.stopConfirmAfterSequence, vm.stopBootId, reading)) {
                    recovery.onStopConfirmed(cluster, vm, node, reading, out);
                }
            }
            case UNKNOWN, STOPPING, RECOVERING, HELD -> {
                // UNKNOWN stays UNKNOWN until a healthy listing shows it running (then RUNNING) or it is
                // proven missing twice from RUNNING; the others wait for command results
                if (vm.status == VmStatus.UNKNOWN && proven) {
                    vm.status = VmStatus.RUNNING; // re-enter the two-observation confirmation from the start
                    notSeen(cluster, vm, node, reading, out);
                }
            }
        }
    }

    private static void markUnknown(VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        final boolean wasKnown = vm.status == VmStatus.RUNNING || vm.status == VmStatus.SUSPECT;
        vm.status = VmStatus.UNKNOWN;
        vm.suspectSequence = -1;
        if (wasKnown) {
            out.judge(Rule.VM_UNKNOWN_CONTROL_PATH_DOWN, DecisionAction.NONE, node.name, vm.name,
                    vm.name + " not listed, but xend is " + reading.controlPath()
                            + ": UNKNOWN, not dead; no action", reading.evidence(Optional.of(vm.name)));
        }
    }

    private static boolean isLaterObservationOfSameBoot(long afterSequence, String bootId,
            ObservationReading reading) {
        return bootId.equals(reading.observation().getBootId())
                && reading.observation().getSequence() > afterSequence;
    }
}
