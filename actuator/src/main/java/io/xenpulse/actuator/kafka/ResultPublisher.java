package io.xenpulse.actuator.kafka;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.topics.XenTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes command results (keyed by cluster) and dead letters. One idempotent, acks=all producer; values
 * are serialised here so a serialisation failure surfaces at the call, not inside the producer.
 */
final class ResultPublisher implements AutoCloseable {

    static final String COMPONENT = "actuator";
    static final String HEADER_REASON = "xenpulse.error.reason";
    static final String HEADER_COMPONENT = "xenpulse.error.component";
    static final String HEADER_TOPIC = "xenpulse.error.topic";
    static final String HEADER_PARTITION = "xenpulse.error.partition";
    static final String HEADER_OFFSET = "xenpulse.error.offset";

    private final Producer<byte[], byte[]> producer;
    private final String resultTopic;
    private final String deadLetterTopic;
    private final Serializer<String> keys;
    private final Serializer<CommandResult> values;

    ResultPublisher(Producer<byte[], byte[]> producer, XenTopics topics) {
        this.producer = producer;
        this.resultTopic = topics.commandResults().name();
        this.deadLetterTopic = topics.deadLetters().name();
        this.keys = topics.commandResults().keySerde().serializer();
        this.values = topics.commandResults().valueSerde().serializer();
    }

    /** Sends a result; the callback reports its offset or the failure. */
    void publish(CommandResult result, Callback callback) {
        final byte[] key = keys.serialize(resultTopic, result.getCluster());
        final byte[] value = values.serialize(resultTopic, result);
        producer.send(new ProducerRecord<>(resultTopic, key, value), callback);
    }

    /** Sends a record that cannot be acted on, unchanged, with the reason and its origin in headers. */
    void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, Callback callback) {
        final ProducerRecord<byte[], byte[]> letter =
                new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers()
                .add(HEADER_REASON, utf8(reason))
                .add(HEADER_COMPONENT, utf8(COMPONENT))
                .add(HEADER_TOPIC, utf8(record.topic()))
                .add(HEADER_PARTITION, utf8(Integer.toString(record.partition())))
                .add(HEADER_OFFSET, utf8(Long.toString(record.offset())));
        producer.send(letter, callback);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
