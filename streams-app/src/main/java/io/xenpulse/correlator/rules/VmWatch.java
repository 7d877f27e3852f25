package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Judges VM liveness from observations (invariants 2 and 3): a VM is dead only when two observations from
 * its node, one after the other and both through a healthy control path, show it not running, and no other
 * node may still run it. Anything seen through a dead, hung or unverified daemon, or from a silent node,
 * makes it UNKNOWN, which is never acted on. A VM in live migration is never dead; a VM listed running on two
 * nodes at once is held and reported. Confirmed deaths are handed to {@link VmRecovery}.
 *
 * <p>Every waiting state has a way out: SUSPECT and AWAITING_STOP_CONFIRMATION restart their count on a new
 * boot of the node and give up after a bound; MIGRATING ends when the VM is listed running anywhere, or is
 * held for an operator after a bound.
 */
final class VmWatch {

    private final CorrelatorPolicy policy;
    private final VmRecovery recovery;

    VmWatch(CorrelatorPolicy policy, VmRecovery recovery) {
        this.policy = policy;
        this.recovery = recovery;
    }

    void onReading(ClusterState cluster, NodeState node, ObservationReading reading, Emitter out) {
        for (String name : reading.aliveDomains()) {
            final VmState vm = cluster.vmOrNew(name, node.name);
            if (reading.isMigrating(name)) {
                VmSightings.gone(vm, node.name);
                inMigration(vm, node, reading, out);
            } else {
                VmSightings.seen(vm, node.name, out.now());
                if (!runsTwice(cluster, vm, node, reading, out)) {
                    seenAlive(cluster, vm, node, reading, out);
                }
            }
        }
        for (VmState vm : cluster.vms()) {
            if (reading.aliveDomains().contains(vm.name)) {
                continue;
            }
            if (reading.provesNotRunning(vm.name)) {
                VmSightings.gone(vm, node.name);
            }
            if (node.name.equals(vm.node)) {
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

    /** The timers of the waiting states. */
    void advance(ClusterState cluster, Emitter out) {
        final Instant now = out.now();
        for (VmState vm : cluster.vms()) {
            switch (vm.status) {
                case SUSPECT -> {
                    if (expired(vm.suspectSince, policy.nodeLostAfter(), now)) {
                        vm.status = VmStatus.UNKNOWN; // no second healthy listing came: start over from UNKNOWN
                        vm.suspectSequence = -1;
                    }
                }
                case AWAITING_STOP_CONFIRMATION -> {
                    if (expired(vm.stopAwaitSince, policy.commandTtl(), now)) {
                        holdFor(vm, Rule.VM_STOP_UNCONFIRMED, "the stop of " + vm.name + " on " + vm.node
                                + " was reported done, but no healthy listing confirmed it within "
                                + policy.commandTtl().toSeconds() + " s; it may still run there", out);
                    }
                }
                case MIGRATING -> {
                    if (expired(vm.migratingSeenAt, policy.migrationTimeout(), now)) {
                        holdFor(vm, Rule.VM_MIGRATION_STALLED, vm.name + " was last seen migrating on "
                                + vm.migratingFrom + " " + Duration.between(vm.migratingSeenAt, now).toSeconds()
                                + " s ago and has not been listed running anywhere since", out);
                    }
                }
                default -> {
                    // the other states wait for observations or command results, whose expiry is handled elsewhere
                }
            }
        }
    }

    private void inMigration(VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        final boolean entering = vm.status == VmStatus.RUNNING || vm.status == VmStatus.SUSPECT
                || vm.status == VmStatus.UNKNOWN;
        if (entering) {
            vm.status = VmStatus.MIGRATING;
            vm.migratingFrom = node.name;
            out.judge(Rule.VM_MIGRATING, DecisionAction.NONE, node.name, vm.name, vm.name + " is in live"
                    + " migration on " + node.name + ": never dead while it moves", reading.evidence(Optional.of(vm.name)));
        }
        if (vm.status == VmStatus.MIGRATING) {
            vm.migratingSeenAt = out.now();
        }
    }

    /** Returns true when the VM is running on another node at the same time: held and reported. */
    private boolean runsTwice(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading,
            Emitter out) {
        final Optional<String> seenOverlapping = VmSightings.alsoRunningOn(vm, node.name);
        final Optional<String> other = seenOverlapping.or(() -> VmSightings.mayAlsoRunOnUnseen(cluster, vm,
                node.name, out.now(), policy.nodeSilentAfter()));
        if (other.isEmpty()) {
            if (vm.runningTwice && vm.status == VmStatus.HELD) {
                out.judge(Rule.VM_RUNNING_ONCE_AGAIN, DecisionAction.NONE, node.name, vm.name, vm.name
                        + " is listed on " + node.name + " only: it runs in one place again and is tracked there",
                        reading.evidence(Optional.of(vm.name)));
                vm.running(node.name);
            }
            vm.runningTwice = false;
            return false;
        }
        if (!vm.runningTwice) {
            vm.runningTwice = true;
            vm.hold(seenOverlapping.isPresent()
                    ? vm.name + " runs on " + other.get() + " and " + node.name + " at once"
                    : vm.name + " runs on " + node.name + " and may still run on " + other.get()
                            + ", which listed it, never showed it gone, and cannot be seen now");
            out.judge(Rule.VM_RUNNING_TWICE, DecisionAction.NONE, node.name, vm.name, vm.heldReason
                    + ": its disks may be written from two hosts; an operator must stop one now",
                    reading.evidence(Optional.of(vm.name)));
        }
        return true;
    }

    private void seenAlive(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading,
            Emitter out) {
        final boolean sameNode = node.name.equals(vm.node);
        switch (vm.status) {
            case RUNNING -> vm.node = node.name; // an operator's migration: follow it
            case SUSPECT, UNKNOWN, MIGRATING -> {
                if (vm.status == VmStatus.SUSPECT) {
                    out.judge(Rule.VM_REAPPEARED, DecisionAction.NONE, node.name, vm.name,
                            vm.name + " is listed running again; the earlier absence was not a death",
                            reading.evidence(Optional.of(vm.name)));
                } else if (vm.status == VmStatus.MIGRATING) {
                    out.judge(Rule.VM_MIGRATED, DecisionAction.NONE, node.name, vm.name, vm.name
                            + " runs on " + node.name + " after its migration from " + vm.migratingFrom,
                            reading.evidence(Optional.of(vm.name)));
                }
                vm.running(node.name);
            }
            case RECOVERING, STOPPING, AWAITING_STOP_CONFIRMATION -> {
                final String expected = vm.status == VmStatus.RECOVERING ? vm.recoveryTarget : vm.node;
                if (node.name.equals(expected) && vm.status == VmStatus.RECOVERING) {
                    vm.running(node.name);
                } else if (!node.name.equals(expected)) {
                    vm.hold(vm.name + " is listed running on " + node.name + " while it is being "
                            + (vm.status == VmStatus.RECOVERING ? "started on " : "stopped on ") + expected);
                    out.judge(Rule.VM_SEEN_ELSEWHERE, DecisionAction.NONE, node.name, vm.name, vm.heldReason
                            + ": held, an operator must look", reading.evidence(Optional.of(vm.name)));
                }
            }
            case HELD -> {
                if (!sameNode) {
                    vm.running(node.name); // someone started it by hand elsewhere, in one place: track it again
                }
            }
        }
    }

    private void notSeen(ClusterState cluster, VmState vm, NodeState node, ObservationReading reading,
            Emitter out) {
        final boolean proven = reading.provesNotRunning(vm.name);
        if (proven && followedElsewhere(vm, node, reading, out)) {
            return;
        }
        switch (vm.status) {
            case RUNNING -> {
                if (proven) {
                    suspect(vm, node, reading, out);
                } else {
                    markUnknown(vm, node, reading, out);
                }
            }
            case SUSPECT -> {
                if (!proven) {
                    markUnknown(vm, node, reading, out);
                } else if (!vm.suspectBootId.equals(reading.observation().getBootId())) {
                    suspect(vm, node, reading, out); // the node rebooted since: its new boot counts from one
                } else if (reading.observation().getSequence() > vm.suspectSequence) {
                    recovery.onConfirmedDead(cluster, vm, node, reading, out);
                }
            }
            case AWAITING_STOP_CONFIRMATION -> {
                if (proven && isLaterObservation(vm.stopConfirmAfterSequence, vm.stopBootId, reading)) {
                    recovery.onStopConfirmed(cluster, vm, node, reading, out);
                }
            }
            case UNKNOWN -> {
                if (proven) {
                    vm.status = VmStatus.RUNNING; // re-enter the two-observation confirmation from the start
                    notSeen(cluster, vm, node, reading, out);
                }
            }
            case STOPPING, RECOVERING, HELD, MIGRATING -> {
                // they wait for command results, an operator, or the VM to be listed running somewhere
            }
        }
    }

    /**
     * A VM absent here but listed on another node since, and not proven gone there, is not dead: it may run
     * there. It follows that node, and is never restarted here.
     */
    private static boolean followedElsewhere(VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        if (vm.status != VmStatus.RUNNING && vm.status != VmStatus.SUSPECT && vm.status != VmStatus.UNKNOWN) {
            return false;
        }
        final Optional<String> elsewhere = VmSightings.latestElsewhere(vm, node.name);
        if (elsewhere.isEmpty()) {
            return false;
        }
        out.judge(Rule.VM_FOLLOWED_ELSEWHERE, DecisionAction.NONE, node.name, vm.name, vm.name + " is gone from "
                + node.name + " but was listed running on " + elsewhere.get() + " since: it follows "
                + elsewhere.get() + ", not dead", reading.evidence(Optional.of(vm.name)));
        vm.running(elsewhere.get());
        return true;
    }

    private static void suspect(VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        vm.status = VmStatus.SUSPECT;
        vm.suspectSequence = reading.observation().getSequence();
        vm.suspectBootId = reading.observation().getBootId();
        vm.suspectSince = out.now();
        out.judge(Rule.VM_MISSING_ONCE, DecisionAction.NONE, node.name, vm.name, vm.name
                + " missing from a healthy listing once; waiting for a second observation",
                reading.evidence(Optional.of(vm.name)));
    }

    private static void markUnknown(VmState vm, NodeState node, ObservationReading reading, Emitter out) {
        final boolean wasKnown = vm.status == VmStatus.RUNNING || vm.status == VmStatus.SUSPECT;
        vm.status = VmStatus.UNKNOWN;
        vm.suspectSequence = -1;
        if (wasKnown) {
            out.judge(Rule.VM_UNKNOWN_CONTROL_PATH_DOWN, DecisionAction.NONE, node.name, vm.name,
                    vm.name + " not listed, but " + node.toolstack.label() + " is " + reading.controlPath()
                            + ": UNKNOWN, not dead; no action", reading.evidence(Optional.of(vm.name)));
        }
    }

    private static void holdFor(VmState vm, Rule rule, String reason, Emitter out) {
        vm.hold(reason);
        out.judge(rule, DecisionAction.NONE, vm.node, vm.name, reason + "; held for an operator", List.of());
    }

    /** An observation after {@code afterSequence} of the same boot, or any observation of a later boot. */
    private static boolean isLaterObservation(long afterSequence, String bootId, ObservationReading reading) {
        return !bootId.equals(reading.observation().getBootId())
                || reading.observation().getSequence() > afterSequence;
    }

    private static boolean expired(Instant since, Duration bound, Instant now) {
        return since != null && !since.plus(bound).isAfter(now);
    }
}
