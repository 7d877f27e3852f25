package io.xenpulse.probe.delivery;

import io.xenpulse.probe.ObservationPublisher;
import io.xenpulse.probe.ObservationSink;
import io.xenpulse.probe.spool.ObservationCodec;
import io.xenpulse.probe.spool.ObservationSpool;
import io.xenpulse.schemas.observation.NodeObservation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe's {@link ObservationSink} that never loses an observation within the spool's limits: each one
 * is appended to the on-disk {@link ObservationSpool} first (write-ahead), and a single deliverer thread
 * ({@link SpoolSender}) publishes the spool to Kafka in order. The probe loop only ever writes to local
 * disk, so an unreachable broker never blocks or slows it.
 *
 * <p>{@link #close()} stops accepting, keeps delivering for up to the flush timeout, and leaves the rest on
 * disk: the next start delivers it (as history, {@code replayed=true}, by then).
 */
public final class SpoolingPublisher implements ObservationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolingPublisher.class);
    private static final Duration ABANDON_GRACE = Duration.ofSeconds(2);

    private final ObservationSpool spool;
    private final SpoolWriter writer;
    private final ObservationCodec codec;
    private final ObservationPublisher publisher;
    private final SpoolSender sender;
    private final Thread thread;
    private final Duration flushTimeout;
    private final Duration deliveryTimeout;
    private final AtomicReference<NodeObservation> unspooled = new AtomicReference<>();
    private final AtomicLong unspooledDrops = new AtomicLong();
    private volatile boolean accepting = true;
    private boolean spoolFailing;

    private SpoolingPublisher(ObservationSpool spool, SpoolWriter writer, ObservationCodec codec,
            ObservationPublisher publisher, DeliverySettings settings, Clock clock, String name) {
        this.spool = spool;
        this.writer = writer;
        this.codec = codec;
        this.publisher = publisher;
        this.flushTimeout = settings.flushTimeout();
        this.deliveryTimeout = settings.replayWindow().deliveryTimeout();
        this.sender = new SpoolSender(spool, codec, publisher, settings.replayWindow(), clock, unspooled);
        this.thread = new Thread(sender, "xenpulse-delivery-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts delivering {@code spool} (including what a previous run left in it) through {@code publisher}.
     * Takes ownership of both: {@link #close()} closes them.
     */
    public static SpoolingPublisher start(ObservationSpool spool, ObservationCodec codec,
            ObservationPublisher publisher, DeliverySettings settings, Clock clock, String name) {
        return start(spool, spool::append, codec, publisher, settings, clock, name);
    }

    /** As {@link #start(ObservationSpool, ObservationCodec, ObservationPublisher, DeliverySettings, Clock,
     * String)}, appending through {@code writer} (tests make it fail like a full disk). */
    static SpoolingPublisher start(ObservationSpool spool, SpoolWriter writer, ObservationCodec codec,
            ObservationPublisher publisher, DeliverySettings settings, Clock clock, String name) {
        final SpoolingPublisher sink = new SpoolingPublisher(spool, writer, codec, publisher, settings, clock,
                name);
        sink.thread.start();
        return sink;
    }

    /** Appends the observation to the spool; never blocks on Kafka and never throws. */
    @Override
    public void publish(NodeObservation observation) {
        if (!accepting) {
            LOG.warn("observation {} arrived after shutdown began: not delivered", observation.getSequence());
            return;
        }
        try {
            writer.append(observation.getObservedAt(), codec.encode(observation));
            spoolWorks();
        } catch (IOException | RuntimeException e) {
            spoolFails(e);
            // Better late and alone than never: the newest observation keeps the node visibly alive.
            if (unspooled.getAndSet(observation) != null) {
                unspooledDrops.incrementAndGet();
            }
            spool.wakeUp();
        }
    }

    /** Observations given up on: beyond the spool's limits, damaged, refused, or unspoolable and replaced. */
    public long droppedCount() {
        return spool.droppedCount() + unspooledDrops.get();
    }

    /** Bytes of observations in the spool waiting for delivery. */
    public long pendingBytes() {
        return spool.pendingBytes();
    }

    /** Stops accepting, delivers for up to the flush timeout, leaves the rest on disk for the next start. */
    @Override
    public void close() {
        accepting = false;
        sender.stop(flushTimeout);
        join(flushTimeout.plusMillis(100));
        if (thread.isAlive()) {
            publisher.abandon();
            join(deliveryTimeout.plus(ABANDON_GRACE));
        }
        if (thread.isAlive()) {
            LOG.warn("the spool deliverer did not stop in time; closing under it");
        }
        publisher.close();
        final long left = spool.pendingBytes();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("cannot close the spool in {}: {}", spool.directory(), e.toString());
        }
        if (left > 0) {
            LOG.info("{} bytes of undelivered observations remain in the spool {}", left, spool.directory());
        }
    }

    /** How {@link #publish} appends to the spool. */
    @FunctionalInterface
    interface SpoolWriter {
        boolean append(Instant timestamp, byte[] payload) throws IOException;
    }

    private synchronized void spoolWorks() {
        if (spoolFailing) {
            LOG.info("the spool in {} can be written again", spool.directory());
            spoolFailing = false;
        }
    }

    private synchronized void spoolFails(Exception e) {
        if (!spoolFailing) {
            LOG.error("cannot write to the spool in {} ({}): only the newest observation is kept, in memory, until"
                    + " it can", spool.directory(), e.toString());
            spoolFailing = true;
        }
    }

    private void join(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
