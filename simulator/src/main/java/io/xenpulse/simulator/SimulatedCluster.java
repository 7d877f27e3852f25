package io.xenpulse.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Xen cluster: nodes sharing storage (any VM can be started on any node), a power switch per
 * node, an {@link ActionLog} and an {@link InvariantMonitor}. It runs no threads: faults with durations
 * take effect when the injected {@link Clock} has passed their time, checked on every call. One lock
 * guards the whole cluster, so probes and actuators may call it concurrently.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.builder("prod-a", Clock.systemUTC())
 *         .node("xen-1").node("xen-2")
 *         .vm("web01", "xen-1")
 *         .build();
 * cluster.node("xen-1").stopXend(Duration.ofSeconds(5));
 * }</pre>
 */
public final class SimulatedCluster {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCluster.class);

    private final Object lock = new Object();
    private final String clusterId;
    private final Clock clock;
    private final Duration toolTimeout;
    private final Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
    private final Set<String> vms;
    private final ActionLog actionLog = new ActionLog(this);
    private final InvariantMonitor invariantMonitor = new InvariantMonitor(this);
    private final XendOutageTracker outages = new XendOutageTracker();

    private SimulatedCluster(Builder builder) {
        this.clusterId = builder.clusterId;
        this.clock = builder.clock;
        this.toolTimeout = builder.toolTimeout;
        this.vms = Set.copyOf(builder.placement.keySet());
        builder.nodes.forEach(name -> nodes.put(name, new SimulatedNode(this, name)));
        builder.placement.forEach((vm, node) -> nodes.get(node).boot(vm));
    }

    public static Builder builder(String clusterId, Clock clock) {
        return new Builder(clusterId, clock);
    }

    public String clusterId() {
        return clusterId;
    }

    /** The nodes in the order they were declared. */
    public List<SimulatedNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** @throws IllegalArgumentException for a node the cluster does not have */
    public SimulatedNode node(String name) {
        final SimulatedNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + name + "' in cluster " + clusterId);
        }
        return node;
    }

    /** Every VM whose configuration is on the shared storage. */
    public Set<String> vms() {
        return vms;
    }

    /** The nodes a VM runs on now (more than one is a double run). */
    public Set<String> locate(String vm) {
        return locked(() -> placement().getOrDefault(vm, Set.of()));
    }

    /** Fence agent {@code off}: kills every domain of the node; "already OFF" is success. */
    public ActionOutcome powerOff(String node) {
        return powerAction(node, ActionKind.POWER_OFF, target -> {
            if (target.power() == PowerState.OFF) {
                return ActionOutcome.success("Success: Already OFF");
            }
            target.powerOff(now());
            return ActionOutcome.success("Success: Powered OFF");
        });
    }

    /** Fence agent {@code on}: the node boots with a new boot id, healthy daemons and no domains. */
    public ActionOutcome powerOn(String node) {
        return powerAction(node, ActionKind.POWER_ON, target -> {
            if (target.power() == PowerState.ON) {
                return ActionOutcome.success("Success: Already ON");
            }
            target.powerOn();
            return ActionOutcome.success("Success: Powered ON");
        });
    }

    /** Fence agent {@code status}. */
    public PowerState powerStatus(String node) {
        return node(node).powerState();
    }

    public InvariantMonitor invariantMonitor() {
        return invariantMonitor;
    }

    public ActionLog actionLog() {
        return actionLog;
    }

    /** Every period xend did not answer on a powered-on node, oldest first. */
    public List<XendOutage> xendOutages() {
        return locked(outages::all);
    }

    // ---- used by the nodes, the log and the monitor ----

    /** Runs {@code action} under the cluster's lock after applying every scheduled change now due. */
    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            applyDueChanges();
            return action.get();
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    Instant now() {
        return clock.instant();
    }

    Duration toolTimeout() {
        return toolTimeout;
    }

    boolean hasVmConfig(String vm) {
        return vms.contains(vm);
    }

    ActionOutcome record(String node, ActionKind kind, String target, ActionOrigin origin, ActionOutcome outcome) {
        return record(node, now(), kind, target, origin, outcome);
    }

    ActionOutcome record(String node, Instant at, ActionKind kind, String target, ActionOrigin origin,
            ActionOutcome outcome) {
        append(new ActionRecord(at, node, kind, Optional.of(target), origin, outcome.succeeded(),
                outcome.message()));
        return outcome;
    }

    void xendStopsAnswering(String node, Instant at) {
        outages.open(node, at);
    }

    void xendAnswersAgain(String node, Instant at) {
        outages.close(node, at);
    }

    /** Where every VM runs now. */
    Map<String, Set<String>> placement() {
        final Map<String, Set<String>> placement = new TreeMap<>();
        nodes.values().forEach(node -> node.domainNames()
                .forEach(vm -> placement.computeIfAbsent(vm, v -> new TreeSet<>()).add(node.name())));
        return placement;
    }

    void checkInvariants() {
        invariantMonitor.check(placement(), now());
    }

    private ActionOutcome powerAction(String node, ActionKind kind, PowerSwitch action) {
        return locked(() -> {
            final SimulatedNode target = nodes.get(node);
            final ActionOutcome outcome = target == null
                    ? ActionOutcome.failure("Failed: no such node '" + node + "'")
                    : action.apply(target);
            append(new ActionRecord(now(), node, kind, Optional.empty(), ActionOrigin.ACTUATOR,
                    outcome.succeeded(), outcome.message()));
            return outcome;
        });
    }

    private void append(ActionRecord record) {
        LOG.debug("cluster={} node={} {} {} {}: {}", clusterId, record.node(), record.kind(),
                record.target().orElse(""), record.succeeded() ? "ok" : "failed", record.message());
        actionLog.append(record);
    }

    /** Applies scheduled xend changes in time order, so the log stays chronological. */
    private void applyDueChanges() {
        final Instant now = clock.instant();
        while (true) {
            final Optional<Map.Entry<SimulatedNode, Instant>> next = nodes.values().stream()
                    .flatMap(node -> node.pendingXendChange().stream().map(at -> Map.entry(node, at)))
                    .filter(entry -> !entry.getValue().isAfter(now))
                    .min(Map.Entry.comparingByValue());
            if (next.isEmpty()) {
                return;
            }
            next.get().getKey().applyPendingXendChange(next.get().getValue());
        }
    }

    /** A fence agent action on one node. */
    @FunctionalInterface
    private interface PowerSwitch {
        ActionOutcome apply(SimulatedNode node);
    }

    /** Declares the nodes and where each VM runs at the start. */
    public static final class Builder {

        private final String clusterId;
        private final Clock clock;
        private final List<String> nodes = new ArrayList<>();
        private final Map<String, String> placement = new LinkedHashMap<>();
        private Duration toolTimeout = Duration.ofSeconds(3);

        private Builder(String clusterId, Clock clock) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder node(String name) {
            if (nodes.contains(name)) {
                throw new IllegalArgumentException("node '" + name + "' declared twice");
            }
            nodes.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** A VM whose domain runs on {@code node} when the simulation starts. */
        public Builder vm(String vm, String node) {
            if (placement.containsKey(vm)) {
                throw new IllegalArgumentException("VM '" + vm + "' declared twice");
            }
            placement.put(Objects.requireNonNull(vm, "vm"), Objects.requireNonNull(node, "node"));
            return this;
        }

        /** The time after which an xm command against a hung xend is reported as timed out (default 3 s). */
        public Builder toolTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("tool timeout must be positive: " + timeout);
            }
            this.toolTimeout = timeout;
            return this;
        }

        public SimulatedCluster build() {
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("cluster " + clusterId + " needs at least one node");
            }
            placement.forEach((vm, node) -> {
                if (!nodes.contains(node)) {
                    throw new IllegalArgumentException("VM '" + vm + "' placed on undeclared node '" + node + "'");
                }
            });
            return new SimulatedCluster(this);
        }
    }
}
