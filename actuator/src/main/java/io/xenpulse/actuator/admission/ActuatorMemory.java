package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the actuator knows from command results: which command ids it has seen (to refuse duplicates)
 * and, per node, the fence/stop/start facts relocation safety needs. Rebuilt on start by replaying the
 * result topic through {@link #learn}; our own results are learnt the same way once published.
 *
 * <p><b>What "newer" means.</b> Facts are ordered by the result's <em>position</em>: its offset in the
 * result topic's partition. Results are keyed by cluster, so all results of one cluster share one
 * partition and the offsets are the order in which they were published, whatever the clocks of the
 * actuator instances that wrote them said. Timestamps are never compared.
 *
 * <p><b>Bounded.</b> Command ids are forgotten {@code retention} after they were last seen; admission
 * refuses any command whose expiry lies further ahead than that, so a forgotten id could only come back
 * already expired. Node facts are not time-evicted: there is at most one entry per node and per
 * (VM, node) pair, bounded by the fleet, and keeping them can only make the actuator more careful.
 */
public final class ActuatorMemory {

    private final Duration retention;
    private final Map<String, Instant> commandIds = new HashMap<>();
    private final Map<String, Map<String, NodeHistory>> clusters = new HashMap<>();

    public ActuatorMemory(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    public Duration retention() {
        return retention;
    }

    public boolean knowsCommand(String commandId) {
        return commandIds.containsKey(commandId);
    }

    /** Marks an id as taken from {@code now} (a command accepted, not yet answered). */
    public void rememberCommand(String commandId, Instant now) {
        commandIds.merge(commandId, now.plus(retention), ActuatorMemory::later);
    }

    /** Gives an id back, for a command accepted but handed to another instance before it started. */
    public void forgetCommand(String commandId) {
        commandIds.remove(commandId);
    }

    /** Learns one published result found at {@code position} of its cluster's result log. */
    public void learn(CommandResult result, long position) {
        commandIds.merge(result.getCommandId(), result.getFinishedAt().plus(retention), ActuatorMemory::later);
        final String vm = result.getVm();
        final NodeHistory target = clusters.computeIfAbsent(result.getCluster(), c -> new HashMap<>())
                .computeIfAbsent(result.getTargetNode(), n -> new NodeHistory());
        final boolean succeeded = succeeded(result.getStatus());
        if (result.getKind() == CommandKind.FENCE_NODE) {
            if (succeeded && result.getPowerVerifiedOff()) {
                target.fencedOffAt(position);
            }
            return;
        }
        if (succeeded) {
            // Any successful non-fence action proves the node was powered on at that point.
            target.poweredOnAt(position);
        }
        if (vm == null) {
            return;
        }
        if (result.getKind() == CommandKind.STOP_VM && succeeded) {
            target.vmStoppedAt(vm, position);
        } else if (isStart(result.getKind()) && mayHaveActed(result.getStatus())) {
            target.vmStartedAt(vm, position);
        }
    }

    /**
     * Learns that a node's power device said ON just now. Every result learnt so far is older than that
     * answer, so the node's last fence no longer covers it (see {@link NodeHistory#poweredOnSinceLastFence}).
     * Not in the result log: after a restart the next power check finds it again.
     */
    public void learnPoweredOnNow(String cluster, String node) {
        history(cluster, node).ifPresent(NodeHistory::poweredOnSinceLastFence);
    }

    /** Forgets command ids whose retention has passed. */
    public void evict(Instant now) {
        commandIds.values().removeIf(forgetAfter -> forgetAfter.isBefore(now));
    }

    public Optional<NodeHistory> history(String cluster, String node) {
        return Optional.ofNullable(nodesOf(cluster).get(node));
    }

    /** Every node of a cluster the actuator has facts about. */
    public Map<String, NodeHistory> nodesOf(String cluster) {
        return Collections.unmodifiableMap(clusters.getOrDefault(cluster, Map.of()));
    }

    public int commandIdCount() {
        return commandIds.size();
    }

    private static boolean isStart(CommandKind kind) {
        return kind == CommandKind.RESTART_VM || kind == CommandKind.RELOCATE_VM;
    }

    private static boolean succeeded(ResultStatus status) {
        return status == ResultStatus.DONE || status == ResultStatus.ALREADY_IN_STATE;
    }

    /**
     * Whether the executor may have acted. Only REFUSED and EXPIRED say nothing was attempted; a start
     * that timed out or failed may still have started the VM, so it counts as a start.
     */
    private static boolean mayHaveActed(ResultStatus status) {
        return status != ResultStatus.REFUSED && status != ResultStatus.EXPIRED;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
