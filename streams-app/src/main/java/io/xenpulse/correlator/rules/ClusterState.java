package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.inventory.VmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the correlator remembers about one cluster: its nodes, its VMs, the commands in flight and the
 * operator's inventory. One instance per cluster key in the state store; sorted maps keep every iteration,
 * and so every decision, deterministic.
 */
public final class ClusterState {

    String cluster;
    final Map<String, NodeState> nodes = new TreeMap<>();
    final Map<String, VmState> vms = new TreeMap<>();
    final Map<String, PendingCommand> pending = new TreeMap<>();
    final Map<String, VmIntent> vmIntents = new TreeMap<>();
    final TreeSet<String> maintenanceNodes = new TreeSet<>();
    int minHealthyNodes = 1;
    long decisionCounter;
    /** Since when the correlator's view of this cluster is continuous; silence is never counted from before. */
    Instant trustedSince;

    ClusterState() {
        // for the state store
    }

    public ClusterState(String cluster) {
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }

    public Optional<NodeState> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<VmState> vm(String name) {
        return Optional.ofNullable(vms.get(name));
    }

    public Collection<NodeState> nodes() {
        return nodes.values();
    }

    public Collection<VmState> vms() {
        return vms.values();
    }

    public Collection<PendingCommand> pendingCommands() {
        return pending.values();
    }

    NodeState nodeOrNew(String name) {
        return nodes.computeIfAbsent(name, NodeState::new);
    }

    VmState vmOrNew(String name, String node) {
        return vms.computeIfAbsent(name, n -> new VmState(n, node));
    }

    List<VmState> vmsOn(String node) {
        final List<VmState> on = new ArrayList<>();
        for (VmState vm : vms.values()) {
            if (node.equals(vm.node)) {
                on.add(vm);
            }
        }
        return on;
    }

    RecoveryPolicy policyOf(String vm) {
        final VmIntent intent = vmIntents.get(vm);
        return intent == null ? RecoveryPolicy.RESTART : intent.policy();
    }

    boolean deliberatelyStopped(String vm) {
        final VmIntent intent = vmIntents.get(vm);
        return intent != null && intent.desiredState() == DesiredState.STOPPED;
    }

    boolean inMaintenance(String node) {
        return maintenanceNodes.contains(node);
    }

    int silentNodes(Instant now, Duration after) {
        return (int) nodes.values().stream().filter(n -> isSilent(n, now, after)).count();
    }

    /**
     * Whether nothing has proven the node alive for {@code after}: its last observation reached the log that
     * long ago, and the correlator's view has been continuous at least that long (invariant 9). A node never
     * heard from is silent.
     */
    boolean isSilent(NodeState node, Instant now, Duration after) {
        return node.lastSeenAt == null || !silentSince(node).plus(after).isAfter(now);
    }

    /** Whether the node can take work now: healthy on the ladder's first rung, and heard from within {@code after}. */
    boolean isHealthyAndHeard(NodeState node, Instant now, Duration after) {
        return node.isHealthy() && !isSilent(node, now, after);
    }

    /** From when a node's silence is counted: its last proof of life, or when our view became continuous. */
    Instant silentSince(NodeState node) {
        if (trustedSince == null || node.lastSeenAt == null) {
            return node.lastSeenAt;
        }
        return node.lastSeenAt.isAfter(trustedSince) ? node.lastSeenAt : trustedSince;
    }

    /** What the operator wants for one VM, from the inventory. */
    record VmIntent(String homeNode, RecoveryPolicy policy, DesiredState desiredState) {
    }

    String nextDecisionId() {
        decisionCounter++;
        return cluster + "/decision/" + decisionCounter;
    }

    /** Applies the operator's inventory: the nodes it names exist even before their first observation. */
    void apply(ClusterInventory inventory) {
        minHealthyNodes = Math.max(0, inventory.getMinHealthyNodes());
        maintenanceNodes.clear();
        maintenanceNodes.addAll(inventory.getMaintenanceNodes());
        vmIntents.clear();
        for (VmSpec spec : inventory.getVms()) {
            vmIntents.put(spec.getName(), new VmIntent(spec.getHomeNode(), spec.getPolicy(), spec.getDesiredState()));
            vmOrNew(spec.getName(), spec.getHomeNode());
        }
        inventory.getNodes().forEach(this::nodeOrNew);
    }
}
