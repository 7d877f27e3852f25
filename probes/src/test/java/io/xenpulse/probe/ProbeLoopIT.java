package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.Topic;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

class ProbeLoopIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldPublishObservationsWithIncreasingSequenceThatAConsumerReadsBackThroughTheRegistry() {
        // given
        final SharedStack stack = SharedStack.get();
        final String prefix = stack.uniquePrefix("ProbeLoopIT");
        stack.createTopics(List.of(prefix + XenTopics.OBSERVATIONS), 3);
        final ProbeConfig config = ProbeConfig.fromMap(Map.of(
                ProbeConfig.CLUSTER, "prod-a",
                ProbeConfig.NODE, "xen-1",
                ProbeConfig.INTERVAL, "100ms",
                "XENPULSE_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "XENPULSE_SCHEMA_REGISTRY_URL", stack.registryUrl(),
                "XENPULSE_TOPIC_PREFIX", prefix));
        final ScriptedSource source = new ScriptedSource().thenThrow(new IllegalStateException("first read fails"));

        // when
        final List<ConsumerRecord<String, NodeObservation>> received;
        final Probe probe = Probe.start(config, source, Clock.systemUTC());
        try (probe; KafkaConsumer<String, NodeObservation> consumer = consumer(stack, prefix)) {
            received = readAtLeast(consumer, 3);
        }

        // then
        assertThat(received).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("prod-a");
            assertThat(record.value().getNode()).isEqualTo("xen-1");
            assertThat(record.value().getBootId()).isEqualTo("boot-1");
            assertThat(record.value().getDaemons()).isEqualTo(ScriptedSource.HEALTHY.daemons());
        });
        assertThat(received.subList(0, 3)).extracting(r -> r.value().getSequence()).containsExactly(0L, 1L, 2L);
    }

    /** A consumer with its own serde factory, so every schema is fetched from the registry by id. */
    private static KafkaConsumer<String, NodeObservation> consumer(SharedStack stack, String prefix) {
        final Topic<String, NodeObservation> topic = XenTopics.create(prefix,
                RegistrySerdeFactory.fromConfig(Map.of("schema.registry.url", stack.registryUrl()))).observations();
        final KafkaConsumer<String, NodeObservation> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix + "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private static List<ConsumerRecord<String, NodeObservation>> readAtLeast(
            KafkaConsumer<String, NodeObservation> consumer, int count) {
        final List<ConsumerRecord<String, NodeObservation>> received = new ArrayList<>();
        return Eventually.awaitValue(TIMEOUT, count + " observations read back", () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.size() >= count ? Optional.of(received) : Optional.empty();
        });
    }
}
