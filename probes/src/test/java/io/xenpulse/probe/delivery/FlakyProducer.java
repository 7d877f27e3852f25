package io.xenpulse.probe.delivery;

import io.xenpulse.schemas.observation.NodeObservation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A transactional mock producer whose broker a test can take away: sends then fail as Kafka's do when
 * their delivery timeout expires, so the publisher aborts. It can also refuse one sequence for good.
 */
final class FlakyProducer extends MockProducer<String, NodeObservation> {

    final AtomicBoolean reachable = new AtomicBoolean(true);
    final AtomicInteger sendAttempts = new AtomicInteger();
    final AtomicLong refusedSequence = new AtomicLong(-1);

    FlakyProducer() {
        super(true, null, new StringSerializer(), (topic, observation) -> new byte[0]);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, NodeObservation> record,
            Callback callback) {
        sendAttempts.incrementAndGet();
        if (!reachable.get()) {
            return CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s) for "
                    + record.topic() + "-0: 500 ms has passed since batch creation"));
        }
        if (record.value().getSequence() == refusedSequence.get()) {
            return CompletableFuture.failedFuture(new RecordTooLargeException("larger than max.request.size"));
        }
        return super.send(record, callback);
    }
}
