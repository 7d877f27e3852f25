package io.xenpulse.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * One simulated Xen node (dom0): its power, boot, daemons and domains, the faults that can be injected
 * into it and the actions an actuator performs on it. Domains live in the hypervisor: they keep running
 * whatever happens to xend, and only a crash, a stop or a power-off ends them. {@code xm} commands go
 * through xend; {@code xl} and xenstore do not. Every public method is thread-safe (the cluster's lock).
 */
public final class SimulatedNode {

    private final SimulatedCluster cluster;
    private final String name;
    private final Map<String, Integer> domains = new TreeMap<>();
    private PowerState power = PowerState.ON;
    private int bootNumber = 1;
    private XendDaemon xend = new XendDaemon();
    private boolean xenconsoledRunning = true;
    private int nextDomainId = 1;

    SimulatedNode(SimulatedCluster cluster, String name) {
        this.cluster = cluster;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** What a probe on this node sees now; empty when the node is powered off (it answers nothing). */
    public Optional<NodeSignals> readSignals() {
        return cluster.locked(() -> power == PowerState.OFF
                ? Optional.empty()
                : Optional.of(ProbeView.read(xend, xenconsoledRunning, domains, cluster.toolTimeout())));
    }

    /** The node's boot id ({@code /proc/sys/kernel/random/boot_id}): a new one after every power-on. */
    public String bootId() {
        return cluster.locked(() -> UUID.nameUUIDFromBytes(
                (cluster.clusterId() + "/" + name + "/" + bootNumber).getBytes(StandardCharsets.UTF_8)).toString());
    }

    public PowerState powerState() {
        return cluster.locked(() -> power);
    }

    /** The domains that really run here (the hypervisor's truth, not a listing), without Domain-0. */
    public Set<String> runningDomains() {
        return cluster.locked(() -> Set.copyOf(domains.keySet()));
    }

    /**
     * Stops xend (a crash or an operator's {@code service xend stop}); domains keep running.
     *
     * @param autoRestartAfter when an operator runs {@code service xend restart}; {@link Duration#ZERO}:
     *     nobody does, xend stays down until restarted through {@link #restartDaemon(String)}
     */
    public void stopXend(Duration autoRestartAfter) {
        injectXendFault(autoRestartAfter, ActionKind.DAEMON_STOP, "xend stopped",
                XendDaemon::stop);
    }

    /**
     * Makes xend stop answering while its process stays: {@code xm} times out.
     *
     * @param duration how long until it answers again by itself; {@link Duration#ZERO}: until restarted
     */
    public void hangXend(Duration duration) {
        injectXendFault(duration, ActionKind.DAEMON_HANG, "xend hangs", XendDaemon::hang);
    }

    /** From now on every start of xend fails (until the node reboots); a running xend keeps running. */
    public void makeXendUnrestartable() {
        cluster.locked(() -> {
            requirePoweredOn();
            xend.makeUnrestartable();
            cluster.record(name, ActionKind.DAEMON_UNRESTARTABLE, ProbeView.XEND, ActionOrigin.FAULT,
                    ActionOutcome.success("xend can no longer start"));
        });
    }

    public void killXenconsoled() {
        cluster.locked(() -> {
            requirePoweredOn();
            xenconsoledRunning = false;
            cluster.record(name, ActionKind.DAEMON_STOP, ProbeView.XENCONSOLED, ActionOrigin.FAULT,
                    ActionOutcome.success("xenconsoled killed"));
        });
    }

    /** The domain crashes and is destroyed ({@code on_crash=destroy}): it disappears from every listing. */
    public void crashDomain(String vm) {
        cluster.locked(() -> {
            requirePoweredOn();
            final Integer domainId = domains.remove(vm);
            if (domainId == null) {
                throw new IllegalStateException(vm + " does not run on " + name);
            }
            cluster.record(name, ActionKind.VM_CRASH, vm, ActionOrigin.FAULT,
                    ActionOutcome.success("domain " + vm + " (id=" + domainId + ") crashed"));
        });
    }

    /**
     * {@code service DAEMON restart}. Restarting xend also starts xenconsoled when it is missing, as
     * xend's start script does; it fails when xend was made unrestartable.
     */
    public ActionOutcome restartDaemon(String daemon) {
        return cluster.locked(() -> cluster.record(name, ActionKind.DAEMON_RESTART, daemon,
                ActionOrigin.ACTUATOR, restart(daemon, cluster.now())));
    }

    /** {@code xm create VM}: needs a healthy xend; refuses a VM that already runs here. */
    public ActionOutcome startDomain(String vm) {
        return cluster.locked(() -> {
            final ActionOutcome outcome = xmUnavailable("xm create").orElseGet(() -> create(vm));
            cluster.record(name, ActionKind.VM_START, vm, ActionOrigin.ACTUATOR, outcome);
            cluster.checkInvariants();
            return outcome;
        });
    }

    /** {@code xm destroy VM}: needs a healthy xend; the domain is gone when it returns. */
    public ActionOutcome stopDomain(String vm) {
        return cluster.locked(() -> {
            final ActionOutcome outcome = xmUnavailable("xm destroy").orElseGet(() -> destroy(vm));
            return cluster.record(name, ActionKind.VM_STOP, vm, ActionOrigin.ACTUATOR, outcome);
        });
    }

    // ---- used by the cluster, under its lock ----

    void boot(String vm) {
        domains.put(vm, nextDomainId++);
    }

    /** The domains running here; for callers already under the cluster's lock. */
    Set<String> domainNames() {
        return domains.keySet();
    }

    Optional<Instant> pendingXendChange() {
        return power == PowerState.ON ? xend.pendingChange() : Optional.empty();
    }

    /** Applies the xend change a fault scheduled for {@code at}: the operator's restart, or a hang's end. */
    void applyPendingXendChange(Instant at) {
        if (xend.status() == XendDaemon.Status.HUNG) {
            xend.stopHanging();
            cluster.xendAnswersAgain(name, at);
            cluster.record(name, at, ActionKind.DAEMON_RECOVERED, ProbeView.XEND, ActionOrigin.OPERATOR,
                    ActionOutcome.success("xend answers again"));
        } else {
            cluster.record(name, at, ActionKind.DAEMON_RESTART, ProbeView.XEND, ActionOrigin.OPERATOR,
                    restart(ProbeView.XEND, at));
        }
    }

    /** Power off: every domain dies with the node. */
    void powerOff(Instant at) {
        power = PowerState.OFF;
        domains.keySet().forEach(vm -> cluster.record(name, at, ActionKind.VM_KILLED_BY_POWER_OFF, vm,
                ActionOrigin.ACTUATOR, ActionOutcome.success("domain " + vm + " died with its node")));
        domains.clear();
        cluster.xendAnswersAgain(name, at);
    }

    /** Power on: a fresh boot with healthy daemons and no domains (none is started automatically). */
    void powerOn() {
        power = PowerState.ON;
        bootNumber++;
        xend = new XendDaemon();
        xenconsoledRunning = true;
    }

    PowerState power() {
        return power;
    }

    /** Applies a stop or a hang to xend, with its scheduled end unless the duration is zero. */
    private void injectXendFault(Duration duration, ActionKind kind, String message,
            BiConsumer<XendDaemon, Optional<Instant>> fault) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        cluster.locked(() -> {
            requirePoweredOn();
            final Instant now = cluster.now();
            fault.accept(xend, duration.isZero() ? Optional.empty() : Optional.of(now.plus(duration)));
            cluster.xendStopsAnswering(name, now);
            cluster.record(name, kind, ProbeView.XEND, ActionOrigin.FAULT, ActionOutcome.success(message));
        });
    }

    private ActionOutcome restart(String daemon, Instant at) {
        if (power == PowerState.OFF) {
            return ActionOutcome.failure(XenMessages.nodeUnreachable(name));
        }
        return switch (daemon) {
            case ProbeView.XEND -> restartXend(at);
            case ProbeView.XENCONSOLED -> {
                xenconsoledRunning = true;
                yield ActionOutcome.success(XenMessages.daemonRestarted(daemon));
            }
            case ProbeView.XENSTORED -> ActionOutcome.success(XenMessages.daemonRestarted(daemon));
            default -> ActionOutcome.failure(XenMessages.unrecognizedService(daemon));
        };
    }

    private ActionOutcome restartXend(Instant at) {
        if (!xend.restart()) {
            cluster.xendStopsAnswering(name, at);
            return ActionOutcome.failure(XenMessages.daemonRestartFailed(ProbeView.XEND));
        }
        xenconsoledRunning = true;
        cluster.xendAnswersAgain(name, at);
        return ActionOutcome.success(XenMessages.daemonRestarted(ProbeView.XEND));
    }

    private Optional<ActionOutcome> xmUnavailable(String command) {
        if (power == PowerState.OFF) {
            return Optional.of(ActionOutcome.failure(XenMessages.nodeUnreachable(name)));
        }
        return switch (xend.status()) {
            case RUNNING -> Optional.empty();
            case STOPPED -> Optional.of(ActionOutcome.failure(XenMessages.XEND_UNREACHABLE));
            case HUNG -> Optional.of(ActionOutcome.failure(XenMessages.xendTimeout(command, cluster.toolTimeout())));
        };
    }

    private ActionOutcome create(String vm) {
        if (!cluster.hasVmConfig(vm)) {
            return ActionOutcome.failure(XenMessages.noConfigFile(vm));
        }
        final Integer running = domains.get(vm);
        if (running != null) {
            return ActionOutcome.failure(XenMessages.domainAlreadyExists(vm, running));
        }
        final int domainId = nextDomainId++;
        domains.put(vm, domainId);
        return ActionOutcome.success(XenMessages.started(vm, domainId));
    }

    private ActionOutcome destroy(String vm) {
        final Integer domainId = domains.remove(vm);
        return domainId == null
                ? ActionOutcome.failure(XenMessages.domainDoesNotExist(vm))
                : ActionOutcome.success(XenMessages.destroyed(vm, domainId));
    }

    private void requirePoweredOn() {
        if (power == PowerState.OFF) {
            throw new IllegalStateException(name + " is powered off");
        }
    }
}
