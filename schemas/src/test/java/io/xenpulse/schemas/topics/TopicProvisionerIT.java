package io.xenpulse.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.SharedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class TopicProvisionerIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void shouldCreateEveryTopicWithCompactedInventoryAndBeIdempotent(TestInfo test) throws Exception {
        // given
        final String prefix = stack.uniquePrefix(test.getDisplayName());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            final TopicProvisioner provisioner =
                    new TopicProvisioner(admin, 3, (short) 1, Duration.ofDays(2), Duration.ofSeconds(30));

            // when
            final List<String> created = provisioner.provision(prefix);
            final List<String> createdAgain = provisioner.provision(prefix);

            // then
            assertThat(created).containsExactlyInAnyOrderElementsOf(XenTopics.namesFor(prefix));
            assertThat(createdAgain).isEmpty();
            final Config inventory = topicConfig(admin, prefix + XenTopics.INVENTORY);
            assertThat(inventory.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            final Config observations = topicConfig(admin, prefix + XenTopics.OBSERVATIONS);
            assertThat(observations.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            assertThat(observations.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(Duration.ofDays(2).toMillis()));
            assertThat(observations.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value()).isEqualTo("LogAppendTime");
            assertThat(admin.describeTopics(List.of(prefix + XenTopics.COMMANDS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(prefix + XenTopics.COMMANDS).partitions()).hasSize(3);
        }
    }

    @Test
    void shouldStampObservationsWithTheBrokersAppendTimeNotTheSendersClock(TestInfo test) throws Exception {
        // given
        final String prefix = stack.uniquePrefix(test.getDisplayName());
        final String topic = prefix + XenTopics.OBSERVATIONS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            new TopicProvisioner(admin, 1, (short) 1).provision(prefix);
        }
        final long senderClockYearsBehind = Instant.parse("2009-06-01T12:00:00Z").toEpochMilli();
        final long before = System.currentTimeMillis();

        // when: a node with a badly wrong clock sends an observation
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, senderClockYearsBehind, null, new byte[] {1})).get();
        }

        // then
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            assertThat(read).hasSize(1);
            assertThat(read.get(0).timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(read.get(0).timestamp()).isBetween(before, System.currentTimeMillis());
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
