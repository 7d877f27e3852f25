package io.xenpulse.probe.delivery;

import io.xenpulse.probe.ObservationPublisher;
import io.xenpulse.probe.ObservationPublisher.Outcome;
import io.xenpulse.probe.spool.ObservationCodec;
import io.xenpulse.probe.spool.ObservationSpool;
import io.xenpulse.probe.spool.SpooledRecord;
import io.xenpulse.schemas.observation.NodeObservation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that delivers the spool, oldest first: it reads a batch, marks what is already history
 * ({@link ReplayWindow}), publishes the batch as one transaction and commits the spool only once Kafka has
 * committed. While Kafka is unreachable it retries the oldest record alone after a growing pause (at most a
 * couple of seconds), so an outage costs neither memory nor CPU; once a record gets through it catches up in
 * whole batches. A record that cannot be decoded, or that the broker refuses for good, is discarded and
 * counted instead of blocking everything behind it.
 *
 * <p>When the spool itself cannot be written, the probe hands its newest observation over directly
 * ({@code unspooled}); it is delivered once the spool is empty, so that a full disk does not silence the node.
 */
final class SpoolSender implements Runnable {

    static final int MAX_BATCH_RECORDS = 500;
    static final long MAX_BATCH_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SpoolSender.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final ObservationSpool spool;
    private final ObservationCodec codec;
    private final ObservationPublisher publisher;
    private final ReplayWindow window;
    private final Clock clock;
    private final AtomicReference<NodeObservation> unspooled;
    private final Object pauses = new Object();
    private volatile boolean stopping;
    private volatile long stopAtNanos;
    private Duration pause = FIRST_PAUSE;
    private Instant failingSince;
    private boolean oneAtATime;

    SpoolSender(ObservationSpool spool, ObservationCodec codec, ObservationPublisher publisher, ReplayWindow window,
            Clock clock, AtomicReference<NodeObservation> unspooled) {
        this.spool = spool;
        this.codec = codec;
        this.publisher = publisher;
        this.window = window;
        this.clock = clock;
        this.unspooled = unspooled;
    }

    @Override
    public void run() {
        while (!finished()) {
            try {
                final List<SpooledRecord> batch = readBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                } else if (!deliverUnspooled() && !stopping) {
                    spool.awaitRecords(IDLE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (spool.isClosed()) {
                    return;
                }
                LOG.error("unexpected failure delivering the spool; retrying", e);
                pause();
            }
        }
    }

    /** Delivers for at most {@code flushTimeout} more, then stops; stops at once when all is delivered. */
    void stop(Duration flushTimeout) {
        stopAtNanos = System.nanoTime() + flushTimeout.toNanos();
        stopping = true;
        spool.wakeUp();
        synchronized (pauses) {
            pauses.notifyAll();
        }
    }

    private boolean finished() {
        if (!stopping) {
            return false;
        }
        return spool.isClosed() || (spool.pendingBytes() == 0 && unspooled.get() == null)
                || System.nanoTime() - stopAtNanos >= 0;
    }

    private List<SpooledRecord> readBatch() {
        try {
            return spool.read(oneAtATime ? 1 : MAX_BATCH_RECORDS, MAX_BATCH_BYTES);
        } catch (IOException e) {
            LOG.warn("cannot read the spool: {}", e.toString());
            pause();
            return List.of();
        }
    }

    private void deliver(List<SpooledRecord> batch) {
        final List<NodeObservation> observations = new ArrayList<>(batch.size());
        for (SpooledRecord record : batch) {
            try {
                observations.add(codec.decode(record.payload()));
            } catch (IOException e) {
                if (observations.isEmpty()) {
                    spool.discard(record, "an undecodable spooled record (" + e.getMessage() + ")");
                    return;
                }
                break; // deliver what comes before it; it is discarded when it comes first
            }
        }
        observations.forEach(this::markHistory);
        final Outcome outcome = publisher.publish(observations);
        switch (outcome) {
            case COMMITTED -> {
                spool.commit(batch.get(observations.size() - 1).next());
                delivered();
            }
            case REJECTED -> {
                if (observations.size() == 1) {
                    spool.discard(batch.get(0), "the broker refused it (" + publisher.lastFailure() + ")");
                } else {
                    oneAtATime = true; // to find the refused record
                }
            }
            case NOT_PUBLISHED -> failed();
        }
    }

    /** @return true when there was an unspooled observation to deliver */
    private boolean deliverUnspooled() {
        final NodeObservation observation = unspooled.get();
        if (observation == null) {
            return false;
        }
        markHistory(observation);
        final Outcome outcome = publisher.publish(List.of(observation));
        if (outcome == Outcome.NOT_PUBLISHED) {
            failed();
            return true;
        }
        if (outcome == Outcome.REJECTED) {
            LOG.warn("the broker refused observation {} ({}): dropped", observation.getSequence(),
                    publisher.lastFailure());
        }
        unspooled.compareAndSet(observation, null);
        delivered();
        return true;
    }

    private void markHistory(NodeObservation observation) {
        if (window.isHistory(observation.getObservedAt(), clock.instant())) {
            observation.setReplayed(true);
        }
    }

    private void delivered() {
        if (failingSince != null) {
            LOG.info("delivering to Kafka again after {} s; {} bytes of spooled observations to catch up",
                    Duration.between(failingSince, clock.instant()).toSeconds(), spool.pendingBytes());
            failingSince = null;
        }
        oneAtATime = false;
        pause = FIRST_PAUSE;
    }

    private void failed() {
        if (failingSince == null) {
            LOG.warn("cannot deliver observations to Kafka ({}): they stay in the spool and are retried",
                    publisher.lastFailure());
            failingSince = clock.instant();
        }
        oneAtATime = true;
        pause();
    }

    private void pause() {
        long waitNanos = pause.toNanos();
        if (stopping) {
            waitNanos = Math.min(waitNanos, Math.max(0, stopAtNanos - System.nanoTime()));
        }
        synchronized (pauses) {
            try {
                TimeUnit.NANOSECONDS.timedWait(pauses, waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    }
}
