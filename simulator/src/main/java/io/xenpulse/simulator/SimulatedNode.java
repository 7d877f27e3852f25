package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.Toolstack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * One simulated Xen node (dom0): its power, boot, daemons and domains, the faults that can be injected
 * into it and the actions an actuator performs on it. Domains live in the hypervisor: they keep running
 * whatever happens to xend, and only a crash, a stop or a power-off ends them. On a classic node
 * ({@link Toolstack#XM}) {@code xm} commands go through xend; {@code xl} and xenstore do not. An xl-only
 * node ({@link Toolstack#XL}) has no xend at all: its domains are created and destroyed with {@code xl}.
 * The monitoring path (the probe and the node's uplink) can fail independently of the node
 * ({@link NodeMonitoringPath}). Every public method is thread-safe (the cluster's lock).
 */
public final class SimulatedNode {

    private final SimulatedCluster cluster;
    private final String name;
    private final NodeDaemons daemons;
    private final Set<String> autoStart;
    private final Duration bootTime;
    private final HostedDomains domains = new HostedDomains();
    private final NodeMonitoringPath monitoring;
    private final DomainCommands commands;
    private PowerState power = PowerState.ON;
    private int bootNumber = 1;
    private Optional<Instant> bootCompletesAt = Optional.empty();

    SimulatedNode(SimulatedCluster cluster, String name, Toolstack toolstack, Set<String> autoStart,
            Duration bootTime) {
        this.cluster = cluster;
        this.name = name;
        this.daemons = new NodeDaemons(cluster, name, toolstack);
        this.autoStart = Set.copyOf(autoStart);
        this.bootTime = bootTime;
        this.monitoring = new NodeMonitoringPath(cluster, name);
        this.commands = new DomainCommands(cluster, name, domains, daemons, this::up);
    }

    public String name() {
        return name;
    }

    /** {@link Toolstack#XM} for a classic xend node, {@link Toolstack#XL} for an xl-only node. */
    public Toolstack toolstack() {
        return daemons.toolstack();
    }

    /** What a probe on this node sees now; empty while the node is off or still booting (it answers nothing). */
    public Optional<NodeSignals> readSignals() {
        return cluster.locked(() -> !up()
                ? Optional.empty()
                : Optional.of(daemons.signals(domains.rows(), cluster.toolTimeout(),
                        PeerView.checksFrom(cluster, name))));
    }

    /** The node's boot id ({@code /proc/sys/kernel/random/boot_id}): a new one after every power-on. */
    public String bootId() {
        return cluster.locked(() -> UUID.nameUUIDFromBytes(
                (cluster.clusterId() + "/" + name + "/" + bootNumber).getBytes(StandardCharsets.UTF_8)).toString());
    }

    public PowerState powerState() {
        return cluster.locked(() -> power);
    }

    /** Powered on and booted: its daemons, its probe and its network run (a booting node is ON but not up). */
    public boolean isUp() {
        return cluster.locked(this::up);
    }

    /** The domains that really run here (the hypervisor's truth, not a listing), without Domain-0. */
    public Set<String> runningDomains() {
        return cluster.locked(() -> Set.copyOf(domains.running()));
    }

    /** Whether the node's control path answers now: xend on a classic node, xenstored (always) on an xl one. */
    public boolean controlPathAnswers() {
        return cluster.locked(() -> up() && daemons.controlPathAnswers());
    }

    /** The probe and the uplink of this node, which fail without the node failing. */
    public NodeMonitoringPath monitoring() {
        return monitoring;
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
            daemons.makeXendUnrestartable();
        });
    }

    public void killXenconsoled() {
        cluster.locked(() -> {
            requirePoweredOn();
            daemons.killXenconsoled();
            cluster.record(name, ActionKind.DAEMON_STOP, ProbeView.XENCONSOLED, ActionOrigin.FAULT,
                    ActionOutcome.success("xenconsoled killed"));
        });
    }

    /** The domain crashes and is destroyed ({@code on_crash=destroy}): it disappears from every listing. */
    public void crashDomain(String vm) {
        cluster.locked(() -> {
            requirePoweredOn();
            if (!domains.running().contains(vm)) {
                throw new IllegalStateException(vm + " does not run on " + name);
            }
            final Integer domainId = commands.destroyDomain(vm);
            cluster.record(name, ActionKind.VM_CRASH, vm, ActionOrigin.FAULT,
                    ActionOutcome.success("domain " + vm + " (id=" + domainId + ") crashed"));
        });
    }

    /**
     * {@code service DAEMON restart}. Restarting xend also starts xenconsoled when it is missing, as
     * xend's start script does; it fails when xend was made unrestartable, and on an xl-only node, which
     * has no xend service at all.
     */
    public ActionOutcome restartDaemon(String daemon) {
        return cluster.locked(() -> cluster.record(name, ActionKind.DAEMON_RESTART, daemon,
                ActionOrigin.ACTUATOR, restart(daemon, cluster.now())));
    }

    /** {@code xm create VM} (needs a healthy xend) or {@code xl create VM}; refuses a VM already here. */
    public ActionOutcome startDomain(String vm) {
        return cluster.locked(() -> commands.start(vm, ActionOrigin.ACTUATOR));
    }

    /** {@code xm destroy VM} (needs a healthy xend) or {@code xl destroy VM}: the domain is gone when it returns. */
    public ActionOutcome stopDomain(String vm) {
        return cluster.locked(() -> commands.stop(vm));
    }

    // ---- used by the cluster, under its lock ----

    void boot(String vm) {
        domains.create(vm);
    }

    /** The domains running here; for callers already under the cluster's lock. */
    Set<String> domainNames() {
        return domains.running();
    }

    HostedDomains domains() {
        return domains;
    }

    Optional<Instant> pendingXendChange() {
        return up() ? daemons.pendingXendChange() : Optional.empty();
    }

    void applyPendingXendChange(Instant at) {
        daemons.applyPendingXendChange(at);
    }

    /** Power off: every domain dies with the node, and so does every migration it took part in. */
    void powerOff(Instant at, ActionOrigin origin) {
        power = PowerState.OFF;
        bootCompletesAt = Optional.empty();
        domains.rows().stream().filter(HostedDomains.Row::migrating)
                .forEach(row -> cluster.migrationInterrupted(name, row.name(), at));
        domains.clear().forEach(vm -> cluster.record(name, at, ActionKind.VM_KILLED_BY_POWER_OFF, vm, origin,
                ActionOutcome.success("domain " + vm + " died with its node")));
        cluster.xendAnswersAgain(name, at);
    }

    /**
     * Power on: a fresh boot, which takes the node's boot time. Then its daemons and its probe run and the
     * domains of {@code /etc/xen/auto} start, whether or not they run elsewhere by now; returns whether the
     * boot is already complete (a boot time of zero).
     */
    boolean powerOn(Instant at) {
        power = PowerState.ON;
        bootNumber++;
        daemons.boot();
        if (bootTime.isZero()) {
            return true;
        }
        bootCompletesAt = Optional.of(at.plus(bootTime));
        return false;
    }

    Optional<Instant> pendingBoot() {
        return bootCompletesAt;
    }

    /** The boot completes: the probe service starts and the boot goes on to start /etc/xen/auto. */
    void completeBoot() {
        bootCompletesAt = Optional.empty();
        monitoring.startedByBoot();
        autoStart.stream().sorted().forEach(vm -> commands.start(vm, ActionOrigin.BOOT));
    }

    /** For callers under the cluster's lock. */
    boolean up() {
        return power == PowerState.ON && bootCompletesAt.isEmpty();
    }

    PowerState power() {
        return power;
    }

    boolean daemonsAnswer() {
        return daemons.controlPathAnswers();
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
            daemons.injectXendFault(duration.isZero() ? Optional.empty() : Optional.of(cluster.now().plus(duration)),
                    kind, message, fault);
        });
    }

    private ActionOutcome restart(String daemon, Instant at) {
        return !up() ? ActionOutcome.failure(XenMessages.nodeUnreachable(name))
                : daemons.restart(daemon, at);
    }

    private void requirePoweredOn() {
        if (!up()) {
            throw new IllegalStateException(name + (power == PowerState.OFF ? " is powered off" : " is booting"));
        }
    }
}
