package io.xenpulse.scenarios.harness;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.simulator.NodeSignals;
import io.xenpulse.simulator.SimulatedNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The probe of one simulated node, as the real one behaves: every interval it reads the node (nothing while
 * the node is off or the probe process is dead), stamps the observation with the boot id and the boot's next
 * sequence number, writes it to its spool and delivers the spool in order while the uplink is up. An
 * observation that reaches the log later than half the replay window after it was taken is delivered marked
 * replayed (the probe's ReplayWindow). A late probe's observations reach the log some seconds after they were
 * taken; a cut uplink keeps them in the spool until it is restored.
 */
final class SimulatedProbe {

    private final String cluster;
    private final SimulatedNode node;
    private final Duration interval;
    private final Duration replayAfter;
    private final Deque<NodeObservation> spool = new ArrayDeque<>();
    private final Map<String, Long> lastSequenceOfBoot = new HashMap<>();
    private Instant nextCycle;
    private Instant lastAppendedAt = Instant.EPOCH;
    private Duration lateBy = Duration.ZERO;
    private Instant lateUntil = Instant.EPOCH;

    SimulatedProbe(String cluster, SimulatedNode node, Duration interval, Duration replayAfter, Instant firstCycle) {
        this.cluster = cluster;
        this.node = node;
        this.interval = interval;
        this.replayAfter = replayAfter;
        this.nextCycle = firstCycle;
    }

    /** From now until {@code until}, every observation reaches the log {@code delay} after it was taken. */
    void beLate(Duration delay, Instant until) {
        this.lateBy = delay;
        this.lateUntil = until;
    }

    boolean isLate(Instant now) {
        return now.isBefore(lateUntil);
    }

    /** Runs the cycle when it is due and delivers what the spool holds, into the correlator's input log. */
    void step(Instant now, InputLog log) {
        if (!now.isBefore(nextCycle)) {
            nextCycle = nextCycle.plus(interval);
            if (node.monitoring().probeRunning()) {
                node.readSignals().ifPresent(signals -> spool.add(observe(signals, now)));
            }
        }
        deliver(now, log);
    }

    private NodeObservation observe(NodeSignals signals, Instant now) {
        final String bootId = node.bootId();
        final long sequence = lastSequenceOfBoot.merge(bootId, 1L, Long::sum);
        return NodeObservation.newBuilder()
                .setCluster(cluster)
                .setNode(node.name())
                .setBootId(bootId)
                .setSequence(sequence)
                .setObservedAt(now.truncatedTo(ChronoUnit.MILLIS))
                .setReplayed(false)
                .setDaemons(signals.daemons())
                .setListings(signals.listings())
                .setToolstack(signals.toolstack())
                .setPeers(signals.peers())
                .build();
    }

    private void deliver(Instant now, InputLog log) {
        if (!node.monitoring().probeRunning() || !node.monitoring().uplinkUp()) {
            return; // the spool waits on disk
        }
        while (!spool.isEmpty()) {
            final NodeObservation next = spool.poll();
            final Instant appendedAt = latest(now, next.getObservedAt().plus(delayFor(next)), lastAppendedAt);
            final boolean history = Duration.between(next.getObservedAt(), appendedAt)
                    .compareTo(replayAfter.dividedBy(2)) > 0;
            next.setReplayed(history);
            log.append(next, appendedAt);
            lastAppendedAt = appendedAt;
        }
    }

    private Duration delayFor(NodeObservation observation) {
        return observation.getObservedAt().isBefore(lateUntil) ? lateBy : Duration.ZERO;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        final Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }
}
