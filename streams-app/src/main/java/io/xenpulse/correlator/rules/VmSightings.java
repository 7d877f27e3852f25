package io.xenpulse.correlator.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where a VM has been seen running, node by node, as streaks: since when each node's listings have shown it
 * running (not migrating) without a break, and when last. A streak ends only when that node's healthy,
 * authoritative listing proves the VM gone, when the node lists it as migrating, or when the node is fenced
 * OFF: a listing that merely lacks the VM while its control path is down proves nothing (invariant 2), so
 * the VM may still run there.
 *
 * <p>Two streaks that overlap in time are a VM running twice: each node listed it while the other was
 * listing it too. A quick live migration whose migrating phase fell between two probe cycles does not
 * overlap: the source's last sighting is older than the destination's first.
 */
final class VmSightings {

    private VmSightings() {
    }

    /** The VM is listed running (not migrating) on {@code node} now. */
    static void seen(VmState vm, String node, Instant now) {
        vm.aliveSince.putIfAbsent(node, now);
        vm.aliveAt.put(node, now);
    }

    /** The VM is proven not running on {@code node} (or is in migration there, which another streak follows). */
    static void gone(VmState vm, String node) {
        vm.aliveSince.remove(node);
        vm.aliveAt.remove(node);
    }

    /** A node whose streaks its fence ended: the VM cannot run on a node verified OFF. */
    static void fenced(ClusterState cluster, String node) {
        for (VmState vm : cluster.vms()) {
            gone(vm, node);
        }
    }

    /** Another node whose streak overlaps this node's current one: the VM runs on both. */
    static Optional<String> alsoRunningOn(VmState vm, String node) {
        final Instant since = vm.aliveSince.get(node);
        if (since == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Instant> other : vm.aliveAt.entrySet()) {
            if (!other.getKey().equals(node) && !other.getValue().isBefore(since)) {
                return Optional.of(other.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Another node that listed the VM, never proved it gone, and has shown nothing current since this node's
     * streak began, for longer than {@code blindAfter}: the two streaks may well overlap, unseen. A node
     * fenced OFF is not one.
     */
    static Optional<String> mayAlsoRunOnUnseen(ClusterState cluster, VmState vm, String node, Instant now,
            Duration blindAfter) {
        final Instant since = vm.aliveSince.get(node);
        if (since == null) {
            return Optional.empty();
        }
        for (String other : vm.aliveAt.keySet()) {
            final Optional<NodeState> state = cluster.node(other);
            if (other.equals(node) || state.isEmpty() || state.get().isFencedOff()) {
                continue;
            }
            final Instant current = state.get().lastCurrentAt;
            if (state.get().cannotBeSeen(now, blindAfter) && (current == null || current.isBefore(since))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /** The node that listed the VM running most recently, other than {@code except}. */
    static Optional<String> latestElsewhere(VmState vm, String except) {
        return vm.aliveAt.entrySet().stream().filter(e -> !e.getKey().equals(except))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
