package io.xenpulse.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Xen cluster: nodes sharing storage (any VM can be started on any node), a power switch and a
 * fence device per node ({@link PowerSwitches}), live migration, an {@link ActionLog} and an
 * {@link InvariantMonitor}. It runs no threads: faults with durations and migrations take effect when the
 * injected {@link Clock} has passed their time, checked on every call. One lock guards the whole cluster,
 * so probes and actuators may call it concurrently.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.builder("prod-a", Clock.systemUTC())
 *         .node("xen-1").node("xen-2").xlNode("xen-3")
 *         .vm("web01", "xen-1").autoStart("web01")
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
    private final LiveMigrations migrations = new LiveMigrations(this);
    private final PowerSwitches power = new PowerSwitches(this);

    SimulatedCluster(ClusterBuilder builder) {
        this.clusterId = builder.clusterId();
        this.clock = builder.clock();
        this.toolTimeout = builder.toolTimeout();
        this.vms = Set.copyOf(builder.placement().keySet());
        builder.nodes().forEach((name, toolstack) -> nodes.put(name, new SimulatedNode(this, name, toolstack,
                builder.autoStartOn(name), builder.bootTime())));
        builder.placement().forEach((vm, node) -> nodes.get(node).boot(vm));
    }

    public static ClusterBuilder builder(String clusterId, Clock clock) {
        return new ClusterBuilder(clusterId, clock);
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
        return locked(() -> power.off(node));
    }

    /**
     * Fence agent {@code on}: the node boots with a new boot id, healthy daemons, its probe running, and
     * starts the domains of its {@code /etc/xen/auto} (none unless the builder declared some).
     */
    public ActionOutcome powerOn(String node) {
        return locked(() -> power.on(node, ActionOrigin.ACTUATOR));
    }

    /** The node loses power by itself (a power supply, a tripped breaker): every domain dies with it. */
    public void losePower(String node) {
        locked(() -> power.lose(node));
    }

    /** An operator powers the node on by hand (after a power loss or a fence), fence device or not. */
    public ActionOutcome restorePower(String node) {
        return locked(() -> power.on(node, ActionOrigin.OPERATOR));
    }

    /** Fence agent {@code status}: the node's real power state. */
    public PowerState powerStatus(String node) {
        return node(node).powerState();
    }

    /** From now on the node's fence device does not answer: the fence agent's {@code off} and {@code on} fail. */
    public void breakFenceDevice(String node) {
        locked(() -> power.breakDevice(node));
    }

    public void repairFenceDevice(String node) {
        locked(() -> power.repairDevice(node));
    }

    /** Whether the node's fence device answers. */
    public boolean fenceDeviceAnswers(String node) {
        return locked(() -> power.deviceAnswers(node));
    }

    /**
     * Starts a live migration of {@code vm} (an operator's {@code xm migrate --live}); the handover happens
     * {@code duration} later. Needs both nodes on and their control paths answering.
     */
    public ActionOutcome migrate(String vm, String from, String to, Duration duration) {
        return locked(() -> record(from, ActionKind.MIGRATION_START, vm, ActionOrigin.OPERATOR,
                migrations.start(vm, node(from), node(to), duration, now())));
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

    /** The nodes, for callers already under the lock. */
    Collection<SimulatedNode> nodesUnlocked() {
        return nodes.values();
    }

    /** The node, or null; for callers already under the lock. */
    SimulatedNode nodeOrNull(String name) {
        return nodes.get(name);
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

    void append(ActionRecord record) {
        LOG.debug("cluster={} node={} {} {} {}: {}", clusterId, record.node(), record.kind(),
                record.target().orElse(""), record.succeeded() ? "ok" : "failed", record.message());
        actionLog.append(record);
    }

    void migrationInterrupted(String node, String vm, Instant at) {
        migrations.interrupted(node, vm, at);
    }

    void xendStopsAnswering(String node, Instant at) {
        outages.open(node, at);
    }

    void xendAnswersAgain(String node, Instant at) {
        outages.close(node, at);
    }

    /** Where every VM runs now (a paused, incoming migration target does not run it). */
    Map<String, Set<String>> placement() {
        final Map<String, Set<String>> placement = new TreeMap<>();
        nodes.values().forEach(node -> node.domainNames()
                .forEach(vm -> placement.computeIfAbsent(vm, v -> new TreeSet<>()).add(node.name())));
        return placement;
    }

    void checkInvariants() {
        invariantMonitor.check(placement(), now());
    }

    /**
     * Applies what fell due (xend changes a fault scheduled, migration handovers, boots completing) one at a
     * time in time order, so the log stays chronological.
     */
    private void applyDueChanges() {
        final Instant now = clock.instant();
        Optional<Due> next = nextDue(now);
        while (next.isPresent()) {
            next.get().change().run();
            next = nextDue(now);
        }
    }

    private Optional<Due> nextDue(Instant now) {
        final List<Due> due = new ArrayList<>();
        migrations.nextHandover().ifPresent(at -> due.add(new Due(at, () -> {
            migrations.handOverNext();
            checkInvariants();
        })));
        for (SimulatedNode node : nodes.values()) {
            node.pendingXendChange().ifPresent(at -> due.add(new Due(at, () -> node.applyPendingXendChange(at))));
            node.pendingBoot().ifPresent(at -> due.add(new Due(at, node::completeBoot)));
        }
        return due.stream().filter(d -> !d.at().isAfter(now)).min(Comparator.comparing(Due::at));
    }

    /** A scheduled change of the cluster's state and when it falls due. */
    private record Due(Instant at, Runnable change) {
    }
}
