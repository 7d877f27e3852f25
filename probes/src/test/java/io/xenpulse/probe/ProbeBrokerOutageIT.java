package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.Topic;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker-outage test: a probe publishes, the real broker stops while the probe keeps running,
 * the broker comes back, and a {@code read_committed} reader (as the correlator reads) must see every
 * observation exactly once, in sequence order, those of the outage marked replayed and the others live.
 * The topic records the broker's append time, which shows how late each observation really arrived.
 */
class ProbeBrokerOutageIT {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration REPLAY_AFTER = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** A request sent just before the producer's delivery timeout may still be written a little after it. */
    private static final Duration WRITE_SLACK = Duration.ofMillis(500);
    /** Each phase outlasts the replay window by a few seconds, so each has observations only it explains. */
    private static final long PHASE_OBSERVATIONS = 25;
    /** Reconnecting, finding the coordinator and catching up take a few seconds after the restart. */
    private static final Duration SETTLED_AFTER_RESTART = Duration.ofSeconds(6);

    @TempDir
    Path spoolDir;

    @Test
    void shouldDeliverEveryObservationExactlyOnceInOrderAndMarkThoseOfTheOutageReplayed() throws Exception {
        // given
        final SharedStack stack = SharedStack.get();
        assumeFalse(stack.isContainerBased(), "stopping and restarting the broker needs the embedded stack");
        final String prefix = stack.uniquePrefix("ProbeBrokerOutageIT");
        final String topic = prefix + XenTopics.OBSERVATIONS;
        createTopicWithAppendTimes(stack, topic);
        final Probe probe = Probe.start(config(stack, prefix), new ScriptedSource(), Clock.systemUTC());

        // when
        final Instant delivering;
        final Instant stopping;
        final Instant stopped;
        final Instant restarting;
        final Instant restarted;
        try (probe) {
            try (KafkaConsumer<String, NodeObservation> consumer = consumer(stack, prefix, "live")) {
                // (what the probe observes while it first connects and registers its schema may arrive late)
                readUntilSequence(consumer, new ArrayList<>(), 0);
                delivering = Instant.now();
                readUntilSequence(consumer, new ArrayList<>(), lastSequence() + PHASE_OBSERVATIONS);
            }
            stopping = Instant.now();
            stack.stopBroker();
            stopped = Instant.now();
            awaitObservationsAfter(lastSequence(), PHASE_OBSERVATIONS);
            restarting = Instant.now();
            stack.startBroker();
            restarted = Instant.now();
            awaitObservedAfter(restarted.plus(SETTLED_AFTER_RESTART).plus(INTERVAL.multipliedBy(10)));
            assertThat(probe.droppedObservations()).isZero();
        }
        final long last = lastSequence();
        final List<ConsumerRecord<String, NodeObservation>> received = new ArrayList<>();
        try (KafkaConsumer<String, NodeObservation> consumer = consumer(stack, prefix, "all")) {
            readUntilSequence(consumer, received, last);
            readToTheEnd(consumer, received, new TopicPartition(topic, 0));
        }

        // then every observation, once, in order
        assertThat(received).extracting(r -> r.value().getSequence())
                .containsExactlyElementsOf(LongStream.rangeClosed(0, last).boxed().toList());
        // no observation that arrived later than the replay window is passed off as live
        assertThat(received).filteredOn(r -> !r.value().getReplayed())
                .allSatisfy(r -> assertThat(Duration.between(r.value().getObservedAt(),
                        Instant.ofEpochMilli(r.timestamp()))).isLessThanOrEqualTo(REPLAY_AFTER.plus(WRITE_SLACK)));
        // what was observed while the broker was down arrives as history
        assertThat(observedBetween(received, stopped, restarting.minus(REPLAY_AFTER)))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(r.value().getReplayed()).as("sequence %d", r.value().getSequence())
                        .isTrue());
        // what was observed well before the outage and well after it arrives live
        assertThat(observedBetween(received, delivering, stopping.minus(REPLAY_AFTER)))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(r.value().getReplayed()).isFalse());
        assertThat(observedBetween(received, restarted.plus(SETTLED_AFTER_RESTART), Instant.MAX))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(r.value().getReplayed()).as("sequence %d", r.value().getSequence())
                        .isFalse());
    }

    private ProbeConfig config(SharedStack stack, String prefix) {
        return ProbeConfig.fromMap(Map.of(
                ProbeConfig.CLUSTER, "prod-a",
                ProbeConfig.NODE, "xen-1",
                ProbeConfig.INTERVAL, INTERVAL.toMillis() + "ms",
                "XENPULSE_REPLAY_AFTER", REPLAY_AFTER.toMillis() + "ms",
                "XENPULSE_SPOOL_DIR", spoolDir.toString(),
                "XENPULSE_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "XENPULSE_SCHEMA_REGISTRY_URL", stack.registryUrl(),
                "XENPULSE_TOPIC_PREFIX", prefix));
    }

    /** One partition (the cluster key maps to one anyway) whose records carry the broker's append time. */
    private static void createTopicWithAppendTimes(SharedStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get(60, TimeUnit.SECONDS);
        }
        stack.createTopics(List.of(topic), 1); // exists already: waits for its leader
    }

    /** The last sequence the probe stamped, from its checkpoint in the spool directory. */
    private long lastSequence() {
        try {
            return Long.parseLong(Files.readAllLines(spoolDir.resolve("sequence")).get(1).trim());
        } catch (IOException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private void awaitObservationsAfter(long sequence, long count) {
        Eventually.await(TIMEOUT, count + " observations after sequence " + sequence,
                () -> lastSequence() >= sequence + count);
    }

    private void awaitObservedAfter(Instant instant) {
        final long sequence = lastSequence();
        Eventually.await(TIMEOUT, "observations until " + instant,
                () -> lastSequence() > sequence && Instant.now().isAfter(instant));
    }

    private static List<ConsumerRecord<String, NodeObservation>> observedBetween(
            List<ConsumerRecord<String, NodeObservation>> records, Instant from, Instant to) {
        return records.stream().filter(r -> !r.value().getObservedAt().isBefore(from)
                && r.value().getObservedAt().isBefore(to)).toList();
    }

    private static KafkaConsumer<String, NodeObservation> consumer(SharedStack stack, String prefix, String group) {
        final Topic<String, NodeObservation> topic = XenTopics.create(prefix,
                RegistrySerdeFactory.fromConfig(Map.of("schema.registry.url", stack.registryUrl()))).observations();
        final KafkaConsumer<String, NodeObservation> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix + group,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private static void readUntilSequence(KafkaConsumer<String, NodeObservation> consumer,
            List<ConsumerRecord<String, NodeObservation>> received, long sequence) {
        Eventually.awaitValue(TIMEOUT, "observation " + sequence + " read back", () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().anyMatch(r -> r.value().getSequence() >= sequence)
                    ? Optional.of(true) : Optional.empty();
        });
    }

    /** Reads on to the last committed record, so that a duplicate after the last sequence would show. */
    private static void readToTheEnd(KafkaConsumer<String, NodeObservation> consumer,
            List<ConsumerRecord<String, NodeObservation>> received, TopicPartition partition) {
        final long end = consumer.endOffsets(List.of(partition)).get(partition);
        Eventually.await(TIMEOUT, "read up to offset " + end, () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return consumer.position(partition) >= end;
        });
    }
}
