package io.xenpulse.correlator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correlator on a real broker and registry: exactly-once output, and its state survives a restart. */
class CorrelatorIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    private final SharedStack stack = SharedStack.get();
    private final String prefix = stack.uniquePrefix("correlator");
    private final XenTopics topics = XenTopics.create(prefix,
            RegistrySerdeFactory.fromConfig(Map.of("schema.registry.url", stack.registryUrl())));
    private long sequence;

    @Test
    void shouldContinueTheEscalationLadderAfterARestart() throws Exception {
        // given
        stack.createTopics(topics.names(), 1);
        final Map<String, String> env = env();
        try (KafkaProducer<String, NodeObservation> observations = producer(topics.observations().valueSerde().serializer());
             KafkaProducer<String, CommandResult> results = producer(topics.commandResults().valueSerde().serializer());
             KafkaConsumer<String, RecoveryCommand> commands = commandConsumer()) {
            final List<RecoveryCommand> seen = new ArrayList<>();
            // when: xend goes down on xen-1 and stays down past the grace
            KafkaStreams first = CorrelatorMain.start(CorrelatorConfig.fromMap(env));
            observations.send(record(observation(true))).get();
            observations.send(record(observation(false))).get();
            final RecoveryCommand restart = awaitCommand(commands, seen, 1, () -> { });
            // then
            assertThat(restart.getKind()).isEqualTo(CommandKind.RESTART_DAEMON);
            first.close(Duration.ofSeconds(30));

            // when: a new instance takes over and the restart is reported failed
            KafkaStreams second = CorrelatorMain.start(CorrelatorConfig.fromMap(env));
            results.send(new ProducerRecord<>(topics.commandResults().name(), "c1", failed(restart))).get();
            // the probe keeps publishing: the new instance acts on the daemon once it sees the node as it is now
            final RecoveryCommand retry = awaitCommand(commands, seen, 2,
                    () -> observations.send(record(observation(false))));
            second.close(Duration.ofSeconds(30));

            // then: it remembered the incident and the first attempt, and issued attempt 2 only once
            assertThat(retry.getKind()).isEqualTo(CommandKind.RESTART_DAEMON);
            assertThat(retry.getAttempt()).isEqualTo(2);
            assertThat(seen).extracting(RecoveryCommand::getCommandId).doesNotHaveDuplicates();
        }
    }

    /** Waits for the {@code count}th command, running {@code probeCycle} between polls (a probe's publishing). */
    private RecoveryCommand awaitCommand(KafkaConsumer<String, RecoveryCommand> consumer, List<RecoveryCommand> seen,
            int count, Runnable probeCycle) {
        Eventually.await(WAIT, count + " command(s) on " + topics.commands().name(), () -> {
            probeCycle.run();
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
            return seen.size() >= count;
        });
        return seen.get(count - 1);
    }

    private Map<String, String> env() {
        final Map<String, String> env = new HashMap<>();
        env.put("XENPULSE_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("XENPULSE_SCHEMA_REGISTRY_URL", stack.registryUrl());
        env.put("XENPULSE_TOPIC_PREFIX", prefix);
        env.put("XENPULSE_APPLICATION_ID", prefix + "app");
        env.put("XENPULSE_STATE_DIR", stateDir.toString());
        env.put("XENPULSE_REPLICATION_FACTOR", "1");
        env.put("XENPULSE_DAEMON_GRACE", "2s");
        env.put("XENPULSE_RESTART_VERIFY_TIMEOUT", "5m");
        env.put("XENPULSE_RESTART_RETRY_DELAY", "0s");
        env.put("XENPULSE_NODE_SILENT_AFTER", "5m");
        env.put("XENPULSE_NODE_LOST_AFTER", "10m");
        env.put("XENPULSE_TICK_INTERVAL", "200ms");
        return env;
    }

    private <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serializer<V> values) {
        final Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, topics.observations().keySerde().serializer(), values);
    }

    private KafkaConsumer<String, RecoveryCommand> commandConsumer() {
        final Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<String, RecoveryCommand> consumer = new KafkaConsumer<>(config,
                topics.commands().keySerde().deserializer(), topics.commands().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.commands().name()));
        return consumer;
    }

    private ProducerRecord<String, NodeObservation> record(NodeObservation observation) {
        return new ProducerRecord<>(topics.observations().name(), "c1", observation);
    }

    private NodeObservation observation(boolean xendHealthy) {
        final SourceStatus status = xendHealthy ? SourceStatus.OK : SourceStatus.DOWN;
        return NodeObservation.newBuilder().setCluster("c1").setNode("xen-1").setBootId("b1")
                .setSequence(sequence++).setObservedAt(Instant.now())
                .setDaemons(List.of(DaemonCheck.newBuilder().setDaemon("xend")
                        .setProcess(xendHealthy ? ProcessState.PRESENT : ProcessState.ABSENT).setControl(status).build()))
                .setListings(List.of(ListingResult.newBuilder().setSource(ListingSource.XM).setStatus(status).build()))
                .build();
    }

    private static CommandResult failed(RecoveryCommand command) {
        return CommandResult.newBuilder().setCommandId(command.getCommandId()).setCluster(command.getCluster())
                .setKind(command.getKind()).setTargetNode(command.getTargetNode()).setStatus(ResultStatus.ERROR_HARD)
                .setDetail("xend: [FAILED]").setStartedAt(Instant.now()).setFinishedAt(Instant.now()).build();
    }
}
