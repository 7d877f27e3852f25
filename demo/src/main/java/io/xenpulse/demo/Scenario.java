package io.xenpulse.demo;

import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The four incidents of the demo, replayed one after the other on the simulated cluster while the real
 * pipeline watches: (a) xenconsoled dies and an operator restarts xend (down ~5 s); (b) xend down for 60 s
 * but restartable; (c) xend down and unrestartable; (d) a real domain crash on a healthy node.
 */
final class Scenario {

    private static final Duration POLL = Duration.ofMillis(100);

    private final SimulatedCluster cluster;
    private final Clock clock;
    private final PrintStream out;
    private final List<Incident> incidents = new ArrayList<>();

    Scenario(SimulatedCluster cluster, Clock clock, PrintStream out) {
        this.cluster = cluster;
        this.clock = clock;
        this.out = out;
    }

    List<Incident> run() throws InterruptedException {
        shortXendRestart();
        longRestartableOutage();
        unrestartableXend();
        domainCrash();
        return incidents;
    }

    /** (a) The seed incident: an operator restarts xend after xenconsoled died, while VMs are checked. */
    private void shortXendRestart() throws InterruptedException {
        final SimulatedNode node = cluster.node("xen-1");
        final Instant start = announce("a", "xenconsoled dies on xen-1; an operator restarts xend (down ~5 s)");
        node.killXenconsoled();
        node.stopXend(Duration.ofSeconds(5));
        final Optional<Instant> back = waitFor(Duration.ofSeconds(20), () -> outageEnded("xen-1", start));
        sleep(Duration.ofSeconds(12)); // stay past the grace period: nothing may happen to any VM
        finish("a", "xend restart by an operator on xen-1", start, back);
    }

    private void longRestartableOutage() throws InterruptedException {
        final Instant start = announce("b", "xend on xen-2 goes down for 60 s (restartable)");
        cluster.node("xen-2").stopXend(Duration.ofSeconds(60));
        final Optional<Instant> back = waitFor(Duration.ofSeconds(70), () -> outageEnded("xen-2", start));
        sleep(Duration.ofSeconds(3));
        finish("b", "xend down 60 s on xen-2, restartable", start, back);
    }

    private void unrestartableXend() throws InterruptedException {
        final SimulatedNode node = cluster.node("xen-3");
        final Set<String> affected = node.runningDomains();
        final Instant start = announce("c", "xend on xen-3 goes down and cannot be restarted ("
                + affected.size() + " VMs there)");
        node.makeXendUnrestartable();
        node.stopXend(Duration.ZERO);
        final Optional<Instant> recovered = waitFor(Duration.ofSeconds(90),
                () -> affected.stream().allMatch(vm -> runsOnlyAwayFrom(vm, "xen-3")));
        finish("c", "xend down and unrestartable on xen-3", start, recovered);
    }

    private void domainCrash() throws InterruptedException {
        final SimulatedNode node = cluster.node("xen-4");
        final String victim = node.runningDomains().stream().filter(vm -> vm.startsWith("web")).sorted()
                .findFirst().orElseThrow();
        final Instant start = announce("d", victim + " crashes on xen-4 (xend healthy)");
        node.crashDomain(victim);
        final Optional<Instant> recovered = waitFor(Duration.ofSeconds(30), () -> !cluster.locate(victim).isEmpty());
        finish("d", victim + " crashed on healthy xen-4", start, recovered);
    }

    private boolean outageEnded(String node, Instant since) {
        return cluster.xendOutages().stream()
                .filter(o -> o.node().equals(node) && !o.start().isBefore(since.minusSeconds(1)))
                .anyMatch(o -> o.end().isPresent());
    }

    private boolean runsOnlyAwayFrom(String vm, String node) {
        final Set<String> where = cluster.locate(vm);
        return !where.isEmpty() && !where.contains(node);
    }

    private Instant announce(String id, String what) {
        out.printf("%n=== incident (%s): %s%n", id, what);
        return clock.instant();
    }

    private void finish(String id, String description, Instant start, Optional<Instant> recoveredAt) {
        final Incident incident = new Incident(id, description, start, recoveredAt);
        incidents.add(incident);
        out.printf("=== incident (%s) %s%n", id, incident.timeToRecoveryMs()
                .map(ms -> "recovered after " + ms + " ms").orElse("DID NOT RECOVER"));
    }

    /** Polls the simulated cluster until the condition holds; the instant it first held, if it did. */
    private Optional<Instant> waitFor(Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        final Instant deadline = clock.instant().plus(limit);
        while (clock.instant().isBefore(deadline)) {
            if (condition.get()) {
                return Optional.of(clock.instant());
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
