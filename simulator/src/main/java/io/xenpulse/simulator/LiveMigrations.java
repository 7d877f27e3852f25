package io.xenpulse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Live migrations ({@code xm migrate --live}, {@code xl migrate}) in a cluster: while one runs, the source
 * lists the domain as migrating and still runs it, the target holds it paused; at the handover the target
 * runs it and the source no longer has it, in one step, so a migration is never a double run. A power loss
 * at either end, or the domain destroyed at either end, ends it without a handover.
 * Not thread-safe: used under the cluster's lock.
 */
final class LiveMigrations {

    /** {@code vm} moves from {@code from} to {@code to}; the target runs it from {@code handoverAt}. */
    record Migration(String vm, String from, String to, Instant handoverAt) {
    }

    private final SimulatedCluster cluster;
    private final List<Migration> active = new ArrayList<>();

    LiveMigrations(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    ActionOutcome start(String vm, SimulatedNode from, SimulatedNode to, Duration duration, Instant now) {
        final String refused = refusal(vm, from, to);
        if (refused != null) {
            return ActionOutcome.failure(refused);
        }
        from.domains().markMigratingOut(vm);
        to.domains().createIncoming(vm);
        active.add(new Migration(vm, from.name(), to.name(), now.plus(duration)));
        return ActionOutcome.success("Migrating " + vm + " to " + to.name() + " (live)");
    }

    /** The instant of the next handover, if a migration runs. */
    Optional<Instant> nextHandover() {
        return active.stream().map(Migration::handoverAt).min(Comparator.naturalOrder());
    }

    /** Completes the migration whose handover is due first. */
    void handOverNext() {
        final Migration due = active.stream().min(Comparator.comparing(Migration::handoverAt)).orElseThrow();
        active.remove(due);
        cluster.node(due.from()).domains().destroy(due.vm());
        cluster.node(due.to()).domains().unpause(due.vm());
        cluster.record(due.to(), due.handoverAt(), ActionKind.MIGRATION_DONE, due.vm(), ActionOrigin.OPERATOR,
                ActionOutcome.success(due.vm() + " migrated from " + due.from() + ", running on " + due.to()));
    }

    /** One end of {@code vm}'s migration lost the domain (power-off, destroy, crash): no handover. */
    void interrupted(String node, String vm, Instant at) {
        final Optional<Migration> found = active.stream()
                .filter(m -> m.vm().equals(vm) && (m.from().equals(node) || m.to().equals(node)))
                .findFirst();
        if (found.isEmpty()) {
            return;
        }
        final Migration migration = found.get();
        active.remove(migration);
        if (migration.from().equals(node)) {
            cluster.node(migration.to()).domains().destroy(vm); // the half-copied domain is discarded
        } else {
            cluster.node(migration.from()).domains().clearMigratingOut(vm); // the source keeps running it
        }
        cluster.record(node, at, ActionKind.MIGRATION_ABORTED, vm, ActionOrigin.OPERATOR,
                ActionOutcome.failure("migration of " + vm + " from " + migration.from() + " to "
                        + migration.to() + " failed: " + node + " lost the domain"));
    }

    private String refusal(String vm, SimulatedNode from, SimulatedNode to) {
        if (!from.up() || !to.up()) {
            return "Error: cannot migrate " + vm + ": a node is off or booting";
        }
        if (!from.domains().running().contains(vm) || from.domains().isMigrating(vm)) {
            return XenMessages.domainDoesNotExist(vm);
        }
        if (to.domains().exists(vm)) {
            return XenMessages.domainAlreadyExists(vm, to.domains().idOf(vm));
        }
        if (!from.daemonsAnswer() || !to.daemonsAnswer()) {
            return XenMessages.XEND_UNREACHABLE; // xm migrate and the relocation server both need xend
        }
        return null;
    }
}
