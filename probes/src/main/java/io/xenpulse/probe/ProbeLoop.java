package io.xenpulse.probe;

import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The probe's heartbeat: every interval it reads its {@link SignalSource}, stamps the result with the
 * probe's identity (cluster, node, boot id, sequence, observed-at) and the node's toolstack, and hands it to an
 * {@link ObservationSink}. A failing cycle is logged and the next one runs as planned: the observation
 * stream is itself the node's liveness signal, so one bad read must not silence it.
 *
 * <p>The sequence increases by one per observation handed on. It starts at 0 for a new boot id, and after
 * the last recorded one ({@link SequenceCheckpoint}) when the probe process restarts within the same boot.
 */
public final class ProbeLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeLoop.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String clusterId;
    private final String node;
    private final Duration interval;
    private final SignalSource source;
    private final ObservationSink sink;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final SequenceCheckpoint checkpoint;
    private String lastBootId = "";
    private long nextSequence;

    public ProbeLoop(String clusterId, String node, Duration interval, SignalSource source, ObservationSink sink,
            Clock clock) {
        this(clusterId, node, interval, source, sink, clock, SequenceCheckpoint.inMemory());
    }

    public ProbeLoop(String clusterId, String node, Duration interval, SignalSource source, ObservationSink sink,
            Clock clock, SequenceCheckpoint checkpoint) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.node = Objects.requireNonNull(node, "node");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("probe interval must be at least 1 ms, got " + interval);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "xenpulse-probe-" + node);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs a first cycle now and then one every interval, on the loop's own thread. */
    public void start() {
        scheduler.scheduleAtFixedRate(this::runCycle, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("probe started: cluster={} node={} interval={}", clusterId, node, interval);
    }

    /**
     * One cycle: read, stamp, hand on. Never throws.
     *
     * @return the observation handed on, or empty when the source had nothing or the cycle failed
     */
    public synchronized Optional<NodeObservation> runCycle() {
        MDC.put("cluster", clusterId);
        MDC.put("node", node);
        try {
            final Optional<NodeSignals> signals = source.read();
            if (signals.isEmpty()) {
                LOG.debug("source had nothing to report");
                return Optional.empty();
            }
            final NodeObservation observation = stamp(signals.get(), source.bootId());
            sink.publish(observation);
            return Optional.of(observation);
        } catch (RuntimeException e) {
            LOG.warn("probe cycle failed, next in {}", interval, e);
            return Optional.empty();
        } finally {
            MDC.remove("cluster");
            MDC.remove("node");
        }
    }

    /** Stops the loop, letting a running cycle finish; does not close the sink (its owner does). */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("probe cycle did not finish within {}, interrupting it", STOP_TIMEOUT);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("probe stopped: cluster={} node={}", clusterId, node);
    }

    private NodeObservation stamp(NodeSignals signals, String bootId) {
        if (!bootId.equals(lastBootId)) {
            if (!lastBootId.isEmpty()) {
                LOG.info("boot id changed from {} to {}: sequence starts again", lastBootId, bootId);
            }
            lastBootId = bootId;
            nextSequence = checkpoint.lastUsed(bootId) + 1;
        }
        final long sequence = nextSequence++;
        checkpoint.record(bootId, sequence);
        return NodeObservation.newBuilder()
                .setCluster(clusterId)
                .setNode(node)
                .setBootId(bootId)
                .setSequence(sequence)
                .setObservedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setReplayed(false)
                .setDaemons(signals.daemons())
                .setListings(signals.listings())
                .setToolstack(source.toolstack())
                .setPeers(signals.peers())
                .build();
    }
}
