package io.xenpulse.probe;

import io.xenpulse.probe.delivery.ProducerSettings;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes batches of observations to the observations topic, keyed by cluster id (DESIGN §4), each batch
 * as one Kafka transaction: all of it becomes visible to {@code read_committed} readers (the correlator) or
 * none of it. That is what lets the spool's deliverer retry safely: a batch that timed out while the broker
 * went away is aborted, so its possibly-written records never show, and is sent again, later and marked
 * replayed, without a reader ever seeing an observation twice.
 *
 * <p>The producer is idempotent with {@code acks=all} (invariant 8), and its delivery timeout bounds how late
 * a record can be written. One case escapes that bound: when the broker goes away after acknowledging a
 * batch but before confirming its commit, Kafka allows only retrying the commit, so the batch becomes
 * visible when the broker is back, still marked live: it was written in time, its commit was not (at most
 * one batch per outage, the one in flight when it began).
 *
 * <p>A producer that failed fatally (fenced, or its epoch bumped after a client-side timeout) is replaced;
 * the new one's {@code initTransactions} aborts whatever the old one left open. Not thread-safe: one
 * deliverer thread uses it. Failures are logged without the observations.
 */
public final class ObservationPublisher implements AutoCloseable {

    /** What became of a batch. */
    public enum Outcome {
        /** Committed: visible to readers, exactly once. */
        COMMITTED,
        /** Not visible to {@code read_committed} readers (aborted or never sent): safe to send again. */
        NOT_PUBLISHED,
        /** The broker refuses a record of the batch for good (e.g. too large); sending it again is futile. */
        REJECTED
    }

    private static final Logger LOG = LoggerFactory.getLogger(ObservationPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;

    private final String topic;
    private final Supplier<Producer<String, NodeObservation>> producers;
    private final Duration ackTimeout;
    private Producer<String, NodeObservation> producer;
    private boolean initialized;
    private boolean abortPending;
    private volatile boolean abandoned;
    private String lastFailure = "";

    /**
     * @param clientConfig bootstrap servers and the operator's overrides ({@code PipelineConnection.clientConfig()})
     * @param clientId names this probe in the broker's logs and metrics
     * @param transactionalId unique per probe and stable across its restarts
     * @param deliveryTimeout how long the producer may take to write a record before giving up on it
     * @throws IllegalArgumentException when the overrides try to weaken what delivery depends on
     * @throws KafkaException for producer settings Kafka rejects
     */
    public ObservationPublisher(Topic<String, NodeObservation> topic, Map<String, Object> clientConfig,
            String clientId, String transactionalId, Duration deliveryTimeout) {
        this(topic.name(), producerFactory(topic, ProducerSettings.of(clientConfig, clientId, transactionalId,
                deliveryTimeout)), deliveryTimeout);
    }

    /** A publisher on producers from {@code producers} (tests pass a {@code MockProducer}). */
    public ObservationPublisher(String topic, Supplier<Producer<String, NodeObservation>> producers,
            Duration deliveryTimeout) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.producers = Objects.requireNonNull(producers, "producers");
        // The producer fails a record after its delivery timeout; the margin covers its own bookkeeping.
        this.ackTimeout = deliveryTimeout.plusSeconds(5);
        // Created now so that bad producer settings fail the probe's start, not its first delivery.
        this.producer = producers.get();
    }

    /**
     * Publishes {@code batch} in order as one transaction. Each step is bounded by the producer's timeouts,
     * except that a commit which may have reached the broker is retried until it is confirmed (Kafka allows
     * nothing else) or until {@link #abandon()}. A failed transaction the broker could not be told to abort
     * yet is aborted before the next one begins.
     */
    public Outcome publish(List<NodeObservation> batch) {
        try {
            if (!finishAbort()) {
                return Outcome.NOT_PUBLISHED;
            }
            final Producer<String, NodeObservation> ready = ready();
            ready.beginTransaction();
            final List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (NodeObservation observation : batch) {
                acks.add(ready.send(new ProducerRecord<>(topic, observation.getCluster(), observation)));
            }
            final Optional<Throwable> failure = awaitAcks(acks);
            if (failure.isPresent()) {
                return abandonTransaction(failure.get());
            }
            return commit();
        } catch (KafkaException | IllegalStateException e) {
            return abandonTransaction(e);
        }
    }

    /** Stops waiting and retrying: the probe is shutting down. A transaction left open is aborted later. */
    public void abandon() {
        abandoned = true;
    }

    /** Why the last batch was not published, for the deliverer's log; empty after a success. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }

    private Producer<String, NodeObservation> ready() {
        if (producer == null) {
            producer = producers.get();
            initialized = false;
        }
        if (!initialized) {
            producer.initTransactions();
            initialized = true;
        }
        return producer;
    }

    private Optional<Throwable> awaitAcks(List<Future<RecordMetadata>> acks) {
        final long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            while (true) {
                try {
                    ack.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (ExecutionException e) {
                    return Optional.of(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    if (abandoned || System.nanoTime() > deadline) {
                        return Optional.of(new TimeoutException("no acknowledgement from the broker"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private Outcome commit() {
        boolean warned = false;
        while (true) {
            try {
                producer.commitTransaction();
                lastFailure = "";
                if (warned) {
                    LOG.info("commit to {} confirmed", topic);
                }
                return Outcome.COMMITTED;
            } catch (TimeoutException e) {
                // The commit may have reached the broker: Kafka allows only retrying it (or closing).
                if (!warned) {
                    LOG.warn("commit to {} not confirmed ({}): retrying until the broker answers", topic,
                            e.getMessage());
                    warned = true;
                }
                if (abandoned) {
                    failed("commit not confirmed before shutdown", e);
                    reset();
                    return Outcome.NOT_PUBLISHED;
                }
            } catch (KafkaException | IllegalStateException e) {
                return abandonTransaction(e);
            }
        }
    }

    /** Aborts the open transaction (now, or before the next one), or replaces a producer that cannot. */
    private Outcome abandonTransaction(Throwable cause) {
        failed("batch not published", cause);
        if (producer != null && !initialized && !(cause instanceof TimeoutException)) {
            reset(); // initTransactions failed for good; a timeout is retried on the same producer
        }
        abortPending = producer != null && initialized;
        finishAbort();
        return isRejection(cause) ? Outcome.REJECTED : Outcome.NOT_PUBLISHED;
    }

    /** @return true unless a failed transaction still waits for the broker to abort it */
    private boolean finishAbort() {
        if (!abortPending) {
            return true;
        }
        try {
            producer.abortTransaction();
            abortPending = false;
        } catch (TimeoutException e) {
            // Retried before the next transaction; the records stay invisible to read_committed readers.
            lastFailure = "a failed batch waits for the broker to abort it: " + e;
            if (abandoned) {
                reset();
            }
        } catch (KafkaException | IllegalStateException e) {
            LOG.debug("cannot abort ({}): replacing the producer", e.toString());
            reset(); // the new producer's initTransactions aborts what this one left open
        }
        return !abortPending;
    }

    private void failed(String what, Throwable cause) {
        lastFailure = what + ": " + cause;
        LOG.debug("{} to {}: {}", what, topic, cause.toString());
    }

    private void reset() {
        final Producer<String, NodeObservation> old = producer;
        producer = null;
        initialized = false;
        abortPending = false;
        if (old != null) {
            old.close(Duration.ZERO);
        }
    }

    private static boolean isRejection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    private static Supplier<Producer<String, NodeObservation>> producerFactory(Topic<String, NodeObservation> topic,
            Map<String, Object> config) {
        return () -> new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
