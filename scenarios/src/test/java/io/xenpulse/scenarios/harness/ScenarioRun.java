package io.xenpulse.scenarios.harness;

import io.xenpulse.scenarios.harness.Timeline.IssuedCommand;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.simulator.ActionKind;
import io.xenpulse.simulator.PowerState;
import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;
import io.xenpulse.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.test.TestRecord;

/**
 * One scenario in virtual time: a simulated cluster, a probe per node, the real correlator topology and the
 * actuator's own dispatcher, all on one {@link MutableClock} that moves in {@link #STEP}s. Each step applies
 * the faults due, ends the actuator's attempts due, runs the probes, and lets the correlator read what has
 * reached its input log (as fast as its read capacity allows) and fire its ticks. Nothing runs on another
 * thread, so a run is a pure function of its set-up and its schedule.
 */
public final class ScenarioRun implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    public static final Duration STEP = Duration.ofMillis(100);

    private final ClusterSpec spec;
    private final ScenarioTimings timings;
    private final MutableClock clock = new MutableClock(START);
    private final SimulatedCluster cluster;
    private final Timeline timeline = new Timeline(START);
    private final InputLog input = new InputLog();
    private final ProbeFleet probes;
    private final ClusterExecutor executor;
    private final SimulatedActuator actuator;
    private final CorrelatorUnderTest correlator;
    private final ControlPathReadings readings = new ControlPathReadings();
    private final TreeMap<Instant, List<Runnable>> scheduled = new TreeMap<>();
    private final List<Runnable> everyStep = new ArrayList<>();
    private Instant pausedSince;
    private Instant slowUntil = START;
    private int slowReadsPerSecond;
    private double readBudget;
    private Instant lastAdvance = START;

    public ScenarioRun(ClusterSpec spec, ScenarioTimings timings, Path stateRoot) {
        this.spec = spec;
        this.timings = timings;
        this.cluster = spec.simulate(clock);
        this.probes = new ProbeFleet(cluster, timings, START.plus(STEP));
        this.executor = new ClusterExecutor(cluster, timings.actionTimeout());
        this.actuator = new SimulatedActuator(timings, executor, input, timeline);
        final XenTopics topics = XenTopics.create("",
                RegistrySerdeFactory.fromConfig(timings.correlator().connection().serdeConfig()));
        this.correlator = new CorrelatorUnderTest(timings, topics, stateRoot, START);
        correlator.applyInventory(spec.inventory(START));
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public ScenarioTimings timings() {
        return timings;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs {@code action} (a fault, an operator's move) at {@code offset} after the start, noted as {@code what}. */
    public ScenarioRun at(Duration offset, String what, Runnable action) {
        scheduled.computeIfAbsent(START.plus(offset), t -> new ArrayList<>()).add(() -> {
            timeline.fault(now(), what);
            action.run();
        });
        return this;
    }

    /** Runs {@code action} {@code delay} from now, noted as {@code what}. */
    public ScenarioRun after(Duration delay, String what, Runnable action) {
        return at(Duration.between(START, now()).plus(delay), what, action);
    }

    /** Adds a line to the timeline (a fault that did not apply, an observation worth keeping). */
    public void note(String text) {
        timeline.fault(now(), text);
    }

    public void runFor(Duration duration) {
        final Instant end = now().plus(duration);
        while (now().isBefore(end)) {
            step();
        }
    }

    /**
     * From now until {@code until}, whenever {@code node} has been powered off for {@code delay}, an operator
     * powers it on again by hand: the node boots with a new boot id and starts its {@code /etc/xen/auto}.
     */
    public void operatorPowersOnAfter(String node, Duration delay, Instant until) {
        final Instant[] offSince = {null};
        everyStep.add(() -> {
            if (now().isAfter(until) || cluster.node(node).powerState() == PowerState.ON) {
                offSince[0] = null;
                return;
            }
            if (offSince[0] == null) {
                offSince[0] = now();
            } else if (!now().isBefore(offSince[0].plus(delay))) {
                timeline.fault(now(), "an operator powers " + node + " on again");
                cluster.restorePower(node);
                offSince[0] = null;
            }
        });
    }

    /** Until {@code until}, the node's observations reach the log {@code delay} after they were taken. */
    public void makeProbeLate(String node, Duration delay, Instant until) {
        probes.of(node).beLate(delay, until);
    }

    /** Until {@code until}, {@code xm create} on the node hangs past the actuator's action timeout. */
    public void hangDomainStarts(String node, Instant until) {
        executor.hangStartsOn(node, until);
    }

    /**
     * The correlator stops now (killed) and is started again {@code downFor} later, restored from its store;
     * false when it is already down.
     */
    public boolean stopCorrelatorFor(Duration downFor) {
        if (pausedSince != null) {
            return false;
        }
        pausedSince = now();
        final Instant resumeAt = now().plus(downFor);
        scheduled.computeIfAbsent(resumeAt, t -> new ArrayList<>()).add(() -> {
            timeline.pause(pausedSince, now());
            correlator.restartAt(now());
            lastAdvance = now();
            readBudget = 0;
            pausedSince = null;
        });
        return true;
    }

    /** Until {@code until}, the correlator reads only {@code readsPerSecond} records a second (a loaded broker). */
    public void slowCorrelator(Instant until, int readsPerSecond) {
        slowUntil = until;
        slowReadsPerSecond = readsPerSecond;
    }

    /** Set {@code -Dxenpulse.story=true} to print every run's events when it closes. */
    @Override
    public void close() {
        correlator.close();
        if (Boolean.getBoolean("xenpulse.story")) {
            System.out.println(timeline.render(cluster.actionLog().entries()));
        }
    }

    private void step() {
        clock.advance(STEP);
        final Instant now = now();
        while (!scheduled.isEmpty() && !scheduled.firstKey().isAfter(now)) {
            scheduled.pollFirstEntry().getValue().forEach(Runnable::run);
        }
        everyStep.forEach(Runnable::run);
        actuator.step(now);
        probes.step(now, input);
        if (pausedSince == null) {
            correlatorStep(now);
        }
    }

    private void correlatorStep(Instant now) {
        final int rate = now.isBefore(slowUntil) ? slowReadsPerSecond : timings.correlatorReadsPerSecond();
        readBudget = Math.min(readBudget + rate * STEP.toMillis() / 1000.0, Math.max(1.0, rate * STEP.toMillis() / 1000.0));
        final boolean willRead = readBudget >= 1 && input.hasReadable(now);
        if (!willRead && Duration.between(lastAdvance, now).compareTo(timings.tickInterval()) < 0) {
            return; // nothing to read and no tick due: spare the driver a commit
        }
        correlator.advanceTo(now);
        lastAdvance = now;
        while (readBudget >= 1 && input.hasReadable(now)) {
            final InputLog.Entry entry = input.takeReadable(now).orElseThrow();
            readBudget--;
            if (Duration.between(entry.appendedAt(), now).compareTo(timings.policy().observationMaxLag()) > 0) {
                timeline.lateRead(now);
            }
            if (entry.value() instanceof NodeObservation observation) {
                readings.read(observation);
            }
            correlator.read(entry, spec.clusterId());
        }
        collectOutputs(now);
    }

    private void collectOutputs(Instant now) {
        final CorrelatorUnderTest.Emitted emitted = correlator.drain();
        emitted.decisions().forEach(timeline::decision);
        for (TestRecord<String, RecoveryCommand> record : emitted.commands()) {
            final RecoveryCommand command = record.value();
            timeline.command(command, record.getRecordTime(), contextOf(command.getTargetNode()));
            actuator.onCommand(command, now);
        }
    }

    /**
     * An uplink restored less than two probe intervals ago: no peer check can have shown it yet, so to the
     * pipeline the node is still as unreachable as it was a moment before.
     */
    private boolean linkedJustNow(String node) {
        final Instant seenSince = now().minus(timings.probeInterval().multipliedBy(2));
        return cluster.actionLog().entries().stream()
                .anyMatch(r -> r.node().equals(node) && r.kind() == ActionKind.UPLINK_RESTORED
                        && r.at().isAfter(seenSince));
    }

    private TargetContext contextOf(String node) {
        if (!spec.nodeNames().contains(node)) {
            return new TargetContext(false, false, false, false, false, TargetContext.ControlPathSeen.NEVER_SEEN);
        }
        final SimulatedNode target = cluster.node(node);
        final boolean on = target.powerState() == PowerState.ON;
        final boolean linked = target.monitoring().uplinkUp() && !linkedJustNow(node);
        final boolean othersUp = cluster.nodes().stream()
                .anyMatch(n -> !n.name().equals(node) && n.monitoring().uplinkUp());
        final boolean probeSilent = !target.monitoring().probeRunning() || probes.of(node).isLate(now());
        final boolean answers = target.controlPathAnswers();
        return new TargetContext(on, linked, answers, on && linked && othersUp,
                on && linked && answers && probeSilent, readings.seen(node));
    }

    /** Commands issued so far, for assertions. */
    public List<IssuedCommand> commands() {
        return timeline.commands();
    }

    /** A map of VM to the nodes it runs on now, for assertions and reports. */
    public Map<String, Set<String>> placement() {
        final Map<String, Set<String>> where = new TreeMap<>();
        cluster.vms().forEach(vm -> where.put(vm, cluster.locate(vm)));
        return where;
    }

    /** Records an observation as read by the correlator, for invariant tests that plant a situation by hand. */
    public void markRead(NodeObservation observation) {
        readings.read(observation);
    }

    /** When the newest observation of {@code node} that the correlator has read was taken, if it read any. */
    public Optional<Instant> newestObservationRead(String node) {
        return readings.newestObservedAt(node);
    }
}
