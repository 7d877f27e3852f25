package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision logic of xenpulse, framework-free: cluster state + one input + now -> the state is updated
 * and the decisions and commands to publish are returned. The Kafka Streams layer only stores the state and
 * calls these methods; everything here can be tested with plain JUnit and a hand-moved clock.
 *
 * <p>Inputs are observations (probes), command results (actuator), the inventory (operators), and wall-clock
 * ticks (silence and timers: stream time stops when a node goes quiet, so timers need the wall clock).
 */
public final class Correlator {

    private final FenceLadder fence;
    private final DaemonLadder daemon;
    private final VmRecovery recovery;
    private final VmWatch vms;
    private final Duration observationMaxLag;
    private final OwnView ownView;
    private final PeerWitness peers;

    public Correlator(CorrelatorPolicy policy) {
        this.observationMaxLag = policy.observationMaxLag();
        this.ownView = new OwnView(policy);
        this.peers = new PeerWitness(policy);
        this.fence = new FenceLadder(policy, new FenceGuard(policy, ownView, peers), peers);
        this.daemon = new DaemonLadder(policy, fence, ownView);
        this.recovery = new VmRecovery(policy, new StartGate(policy));
        this.vms = new VmWatch(policy, recovery);
    }

    /**
     * @param loggedAt when the observation reached the log (the broker's append time). It is the node's proof
     *     of life, whenever the correlator gets to read it. An observation read long after it was logged is
     *     history: it still proves the node was alive then, but its content is not the present, and reading it
     *     tells the correlator that it is behind.
     */
    public Outcome onObservation(ClusterState cluster, NodeObservation observation, Instant loggedAt, Instant now) {
        final Emitter out = new Emitter(cluster, now);
        ownView.onActivity(cluster, out);
        final boolean readLate = isHistory(loggedAt, now);
        if (readLate) {
            // whatever its probe marked it, it sat in the log that long before we read it: we are behind
            ownView.onLateRead(cluster, Duration.between(loggedAt, now), out);
        }
        final NodeState node = cluster.nodeOrNew(observation.getNode());
        provesAlive(node, observation, loggedAt);
        if (observation.getReplayed() || readLate || !acceptAsCurrent(node, observation, out)) {
            return out.outcome(); // delivered late (a probe's spool, or read late by us), a duplicate, or stale
        }
        node.lastCurrentAt = loggedAt;
        node.currentReadAt = now;
        peers.record(cluster, observation, loggedAt);
        final ObservationReading reading = ObservationReading.of(observation);
        daemon.onReading(node, reading, out);
        vms.onReading(cluster, node, reading, out);
        advance(cluster, node, out);
        return out.outcome();
    }

    /** Whether an observation logged at {@code loggedAt} and read {@code now} is too old to be the present. */
    public boolean isHistory(Instant loggedAt, Instant now) {
        return Duration.between(loggedAt, now).compareTo(observationMaxLag) > 0;
    }

    public Outcome onResult(ClusterState cluster, CommandResult result, Instant now) {
        final Emitter out = new Emitter(cluster, now);
        ownView.onActivity(cluster, out);
        if (cluster.pending.remove(result.getCommandId()) == null) {
            return out.outcome(); // not ours, or a duplicate delivery of a result already handled
        }
        final Optional<NodeState> node = cluster.node(result.getTargetNode());
        if (recovery.onResult(cluster, result, out) || node.isEmpty()) {
            return out.outcome();
        }
        daemon.onResult(node.get(), result, out);
        if (fence.onResult(node.get(), result, out)) {
            VmSightings.fenced(cluster, node.get().name);
            recovery.onNodeFenced(cluster, node.get(), result, out);
        }
        return out.outcome();
    }

    public Outcome onInventory(ClusterState cluster, ClusterInventory inventory, Instant now) {
        final Emitter out = new Emitter(cluster, now);
        ownView.onActivity(cluster, out);
        cluster.apply(inventory);
        return out.outcome();
    }

    public Outcome onTick(ClusterState cluster, Instant now) {
        final Emitter out = new Emitter(cluster, now);
        ownView.onActivity(cluster, out);
        for (NodeState node : new ArrayList<>(cluster.nodes())) {
            advance(cluster, node, out);
        }
        if (ownView.trusted(cluster, now)) {
            // a result, or the listing that ends a wait, may still be in the backlog we are reading
            expireVmCommands(cluster, out);
            vms.advance(cluster, out);
        }
        return out.outcome();
    }

    private void advance(ClusterState cluster, NodeState node, Emitter out) {
        daemon.advance(cluster, node, out);
        if (fence.advance(cluster, node, out)) {
            vms.onNodeSilent(cluster, node, out);
        }
    }

    /**
     * An observation that reached the log proves its node was alive then, even when its content is history.
     * A fenced node's old boot proves nothing: it was powered off, and what it still had in flight is stale.
     */
    private static void provesAlive(NodeState node, NodeObservation observation, Instant loggedAt) {
        if (node.phase == NodePhase.FENCED && observation.getBootId().equals(node.fencedBootId)) {
            return;
        }
        if (node.lastSeenAt == null || loggedAt.isAfter(node.lastSeenAt)) {
            node.lastSeenAt = loggedAt;
            node.silentReported = false;
            node.silenceVerdictReported = "";
        }
    }

    /**
     * Duplicates and stale observations are ignored; so is anything the old boot of a fenced node still had
     * in flight. A new boot id after a fence means the node came back and rejoins.
     */
    private static boolean acceptAsCurrent(NodeState node, NodeObservation observation, Emitter out) {
        final boolean newBoot = !observation.getBootId().equals(node.bootId);
        if (node.phase == NodePhase.FENCED) {
            if (!newBoot) {
                return false;
            }
            node.closeIncident();
            out.judge(Rule.NODE_REJOINED, DecisionAction.NONE, node.name, null, node.name
                    + " reports a new boot after its fence and rejoins the cluster", List.of());
        }
        if (!newBoot && observation.getSequence() <= node.lastSequence) {
            return false;
        }
        node.bootId = observation.getBootId();
        node.lastSequence = observation.getSequence();
        return true;
    }

    /** A VM command whose result never came is treated as failed: the VM is held for an operator. */
    private static void expireVmCommands(ClusterState cluster, Emitter out) {
        for (PendingCommand pending : new ArrayList<>(cluster.pendingCommands())) {
            if (pending.vm().isEmpty() || pending.expiresAt().isAfter(out.now())) {
                continue;
            }
            cluster.pending.remove(pending.commandId());
            cluster.vm(pending.vm()).filter(vm -> pending.commandId().equals(vm.pendingCommandId)).ifPresent(vm -> {
                vm.hold(pending.kind() + " got no result before it expired");
                out.judge(Rule.VM_RECOVERY_FAILED, DecisionAction.NONE, pending.node(), vm.name,
                        vm.heldReason + "; an operator must look", List.of());
            });
        }
    }
}
