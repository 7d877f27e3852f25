package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.Toolstack;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Declares a {@link SimulatedCluster}: its nodes and their toolstack, where each VM runs at the start. */
public final class ClusterBuilder {

    private final String clusterId;
    private final Clock clock;
    private final Map<String, Toolstack> nodes = new LinkedHashMap<>();
    private final Map<String, String> placement = new LinkedHashMap<>();
    private final Set<String> autoStart = new HashSet<>();
    private Duration toolTimeout = Duration.ofSeconds(3);
    private Duration bootTime = Duration.ZERO;

    ClusterBuilder(String clusterId, Clock clock) {
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A classic node: xend, xm and xl. */
    public ClusterBuilder node(String name) {
        return node(name, Toolstack.XM);
    }

    /** An xl-only node (Xen 4.5 and later): no xend at all, {@code xl} and xenstore only. */
    public ClusterBuilder xlNode(String name) {
        return node(name, Toolstack.XL);
    }

    /** A VM whose domain runs on {@code node} when the simulation starts. */
    public ClusterBuilder vm(String vm, String node) {
        if (placement.containsKey(vm)) {
            throw new IllegalArgumentException("VM '" + vm + "' declared twice");
        }
        placement.put(Objects.requireNonNull(vm, "vm"), Objects.requireNonNull(node, "node"));
        return this;
    }

    /**
     * Puts the VM in {@code /etc/xen/auto} of the node it runs on at the start: every boot of that node
     * starts it, wherever else it may run by then.
     */
    public ClusterBuilder autoStart(String vm) {
        if (!placement.containsKey(vm)) {
            throw new IllegalArgumentException("declare VM '" + vm + "' before marking it auto-started");
        }
        autoStart.add(vm);
        return this;
    }

    /** The time after which an xm command against a hung xend is reported as timed out (default 3 s). */
    public ClusterBuilder toolTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("tool timeout must be positive: " + timeout);
        }
        this.toolTimeout = timeout;
        return this;
    }

    /**
     * How long a node powered on takes to boot before its daemons, its probe and /etc/xen/auto run (default
     * zero: up at once). Meanwhile its power is ON but it answers nothing.
     */
    public ClusterBuilder bootTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("boot time must not be negative: " + time);
        }
        this.bootTime = time;
        return this;
    }

    public SimulatedCluster build() {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("cluster " + clusterId + " needs at least one node");
        }
        placement.forEach((vm, node) -> {
            if (!nodes.containsKey(node)) {
                throw new IllegalArgumentException("VM '" + vm + "' placed on undeclared node '" + node + "'");
            }
        });
        return new SimulatedCluster(this);
    }

    String clusterId() {
        return clusterId;
    }

    Clock clock() {
        return clock;
    }

    Duration toolTimeout() {
        return toolTimeout;
    }

    Duration bootTime() {
        return bootTime;
    }

    Map<String, Toolstack> nodes() {
        return nodes;
    }

    Map<String, String> placement() {
        return placement;
    }

    Set<String> autoStartOn(String node) {
        final Set<String> on = new HashSet<>();
        autoStart.forEach(vm -> {
            if (placement.get(vm).equals(node)) {
                on.add(vm);
            }
        });
        return on;
    }

    private ClusterBuilder node(String name, Toolstack toolstack) {
        if (nodes.containsKey(name)) {
            throw new IllegalArgumentException("node '" + name + "' declared twice");
        }
        nodes.put(Objects.requireNonNull(name, "name"), toolstack);
        return this;
    }
}
