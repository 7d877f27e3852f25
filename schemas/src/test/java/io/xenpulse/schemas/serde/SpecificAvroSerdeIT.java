package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.topics.Topic;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Every topic value type through a real producer, broker, registry and consumer. */
class SpecificAvroSerdeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SharedStack stack = SharedStack.get();

    @Test
    void shouldCarryEveryTopicValueTypeThroughBrokerAndRegistry(TestInfo test) {
        // given: writer and reader with separate registry clients, so the reader must fetch schemas by id
        final String prefix = stack.uniquePrefix(test.getDisplayName());
        final XenTopics writing = XenTopics.create(prefix, serdes());
        final XenTopics reading = XenTopics.create(prefix, serdes());
        stack.createTopics(writing.names(), 1);

        // when / then
        assertThat(roundTrip(writing.observations(), reading.observations(), SampleRecords.observation()))
                .isEqualTo(SampleRecords.observation());
        assertThat(roundTrip(writing.decisions(), reading.decisions(), SampleRecords.decision()))
                .isEqualTo(SampleRecords.decision());
        assertThat(roundTrip(writing.commands(), reading.commands(), SampleRecords.command()))
                .isEqualTo(SampleRecords.command());
        assertThat(roundTrip(writing.commandResults(), reading.commandResults(), SampleRecords.result()))
                .isEqualTo(SampleRecords.result());
        assertThat(roundTrip(writing.inventory(), reading.inventory(), SampleRecords.inventory()))
                .isEqualTo(SampleRecords.inventory());
    }

    @Test
    void shouldCarryTombstonesAsNull(TestInfo test) {
        // given
        final String prefix = stack.uniquePrefix(test.getDisplayName());
        final XenTopics topics = XenTopics.create(prefix, serdes());
        stack.createTopics(List.of(topics.inventory().name()), 1);

        // when
        final List<ConsumerRecord<String, ClusterInventory>> read = produceAndConsume(topics.inventory(),
                topics.inventory(), Arrays.asList(SampleRecords.inventory(), null));

        // then
        assertThat(read).hasSize(2);
        assertThat(read.get(0).value()).isEqualTo(SampleRecords.inventory());
        assertThat(read.get(1).value()).isNull();
    }

    private RegistrySerdeFactory serdes() {
        return RegistrySerdeFactory.fromConfig(Map.of(PipelineConnection.SERDE_REGISTRY_URL, stack.registryUrl()));
    }

    private <V extends SpecificRecord> V roundTrip(Topic<String, V> writeVia, Topic<String, V> readVia, V value) {
        final List<ConsumerRecord<String, V>> read = produceAndConsume(writeVia, readVia, List.of(value));
        assertThat(read).hasSize(1);
        assertThat(read.get(0).key()).isEqualTo("c1");
        return read.get(0).value();
    }

    /** Sends each value (null for a tombstone) keyed "c1", then reads them all back with another serde. */
    private <V> List<ConsumerRecord<String, V>> produceAndConsume(Topic<String, V> writeVia,
            Topic<String, V> readVia, List<V> values) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(),
                writeVia.valueSerde().serializer())) {
            values.forEach(value -> producer.send(new ProducerRecord<>(writeVia.name(), "c1", value)));
            producer.flush();
        }
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, readVia.name() + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                readVia.valueSerde().deserializer())) {
            consumer.subscribe(List.of(readVia.name()));
            final List<ConsumerRecord<String, V>> read = new ArrayList<>();
            Eventually.await(TIMEOUT, values.size() + " records read back from " + readVia.name(), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= values.size();
            });
            return read;
        }
    }
}
