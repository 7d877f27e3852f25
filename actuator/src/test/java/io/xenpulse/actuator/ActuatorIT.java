package io.xenpulse.actuator;

import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static io.xenpulse.actuator.fixtures.Commands.restartDaemon;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.actuator.fixtures.Commands;
import io.xenpulse.actuator.fixtures.RecordingExecutor;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The actuator on a real broker and schema registry: commands in (transactionally), results out. */
class ActuatorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SharedStack stack = SharedStack.get();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<CommandResult> results = new ArrayList<>();
    private Map<String, String> env;
    private XenTopics topics;
    private KafkaProducer<String, RecoveryCommand> commandWriter;
    private KafkaConsumer<String, CommandResult> resultReader;

    @BeforeEach
    void createPipeline(TestInfo test) {
        final String prefix = stack.uniquePrefix("actuator-" + test.getTestMethod().orElseThrow().getName());
        env = Map.of(
                PipelineConnection.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
                PipelineConnection.SCHEMA_REGISTRY_URL, stack.registryUrl(),
                PipelineConnection.TOPIC_PREFIX, prefix,
                ActuatorConfig.GROUP, prefix + "actuator",
                ActuatorConfig.ACTION_TIMEOUT, "5s");
        topics = XenTopics.create(prefix, RegistrySerdeFactory.fromConfig(
                Map.of(PipelineConnection.SERDE_REGISTRY_URL, stack.registryUrl())));
        stack.createTopics(topics.names(), 2);
        commandWriter = closing(new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "transactional.id", prefix + "correlator"), topics.commands().keySerde().serializer(),
                topics.commands().valueSerde().serializer()));
        commandWriter.initTransactions();
        resultReader = closing(new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "isolation.level", "read_committed", "auto.offset.reset", "earliest"),
                topics.commandResults().keySerde().deserializer(), topics.commandResults().valueSerde().deserializer()));
        resultReader.assign(List.of(new TopicPartition(topics.commandResults().name(), 0),
                new TopicPartition(topics.commandResults().name(), 1)));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void shouldExecuteTransactionallyPublishedCommandAndPublishItsResult() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor());
        // when
        send(restartDaemon("d1", "n1"));
        // then
        final CommandResult result = awaitResult("d1", 1);
        assertThat(result.getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(result.getKind()).isEqualTo(CommandKind.RESTART_DAEMON);
        assertThat(executor.executedIds()).containsExactly("d1");
    }

    @Test
    void shouldRefuseDuplicateCommand() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor());
        send(restartDaemon("d1", "n1"));
        awaitResult("d1", 1);
        // when
        send(restartDaemon("d1", "n1"));
        // then
        assertThat(awaitResult("d1", 2).getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(executor.executedIds()).containsExactly("d1");
    }

    @Test
    void shouldAnswerExpiredCommandWithExpiredWithoutExecutingIt() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor());
        final Instant past = Instant.now().minusSeconds(60);
        // when
        sendAsIs(Commands.command("d1", CommandKind.RESTART_DAEMON, "n1").setDaemon("xend")
                .setIssuedAt(past.minusSeconds(60)).setExpiresAt(past).build());
        // then
        assertThat(awaitResult("d1", 1).getStatus()).isEqualTo(ResultStatus.EXPIRED);
        assertThat(executor.executedIds()).isEmpty();
    }

    @Test
    void shouldRefuseRelocationWithoutFenceAndRunItOnceFenceVerifiedOff() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor());
        send(relocate("r1", "web01", "n1", "n2"));
        assertThat(awaitResult("r1", 1).getStatus()).isEqualTo(ResultStatus.REFUSED);
        send(fence("f1", "n1"));
        assertThat(awaitResult("f1", 1).getPowerVerifiedOff()).isTrue();
        // when
        send(relocate("r2", "web01", "n1", "n2"));
        // then
        assertThat(awaitResult("r2", 1).getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(executor.executedIds()).containsExactly("f1", "r2");
    }

    @Test
    void shouldRefuseRelocationAfterFenceNotVerifiedOff() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor().fencesDoNotVerifyOff());
        send(fence("f1", "n1"));
        assertThat(awaitResult("f1", 1).getPowerVerifiedOff()).isFalse();
        // when
        send(relocate("r1", "web01", "n1", "n2"));
        // then
        assertThat(awaitResult("r1", 1).getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(executor.executedIds()).containsExactly("f1");
    }

    @Test
    void shouldStillRefuseDuplicateAndKnowFencesAfterRestart() {
        // given: a first actuator executed a fence and a daemon restart, then stopped
        final RecordingExecutor firstExecutor = closing(new RecordingExecutor());
        final ActuatorService first = closing(new ActuatorService(ActuatorConfig.fromMap(env), topics,
                firstExecutor, firstExecutor, Clock.systemUTC()));
        first.start();
        send(fence("f1", "n1"));
        send(restartDaemon("d1", "n2"));
        awaitResult("f1", 1);
        awaitResult("d1", 1);
        first.close();
        final RecordingExecutor second = startActuator(new RecordingExecutor());
        // when
        send(restartDaemon("d1", "n2"));
        send(relocate("r1", "web01", "n1", "n3"));
        // then
        assertThat(awaitResult("d1", 2).getStatus()).isEqualTo(ResultStatus.REFUSED);
        assertThat(awaitResult("r1", 1).getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(second.executedIds()).containsExactly("r1");
    }

    @Test
    void shouldTimeOutHungAttemptWithoutHoldingUpOtherNodes() {
        // given
        final RecordingExecutor executor = startActuator(new RecordingExecutor().hangOn("n1"));
        send(restartDaemon("d1", "n1"));
        Eventually.await(WAIT, "d1 handed to the executor", () -> executor.executedIds().contains("d1"));
        // when
        send(restartDaemon("d2", "n2"));
        // then: d2 is answered while d1 still hangs, and d1 ends as TIMEOUT
        assertThat(awaitResult("d2", 1).getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(resultsFor("d1")).isEmpty();
        assertThat(awaitResult("d1", 1).getStatus()).isEqualTo(ResultStatus.TIMEOUT);
    }

    @Test
    void shouldDeadLetterUnreadableRecordAndCarryOn() {
        // given
        startActuator(new RecordingExecutor());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.commands().name(), 0, "c1".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        // when
        send(restartDaemon("d1", "n1"));
        // then
        assertThat(awaitResult("d1", 1).getStatus()).isEqualTo(ResultStatus.DONE);
        final ConsumerRecord<byte[], byte[]> letter = awaitDeadLetter();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        final Header reason = letter.headers().lastHeader("xenpulse.error.reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("undeserializable");
    }

    private RecordingExecutor startActuator(RecordingExecutor executor) {
        closeables.add(executor);
        final ActuatorService service = closing(new ActuatorService(ActuatorConfig.fromMap(env), topics,
                executor, executor, Clock.systemUTC()));
        service.start();
        return executor;
    }

    /** Sends a command issued now and valid for five minutes, like the correlator does. */
    private void send(RecoveryCommand command) {
        final Instant now = Instant.now();
        sendAsIs(RecoveryCommand.newBuilder(command).setIssuedAt(now).setExpiresAt(now.plus(Duration.ofMinutes(5)))
                .build());
    }

    /** Sends in a committed transaction, as the correlator (exactly_once_v2) does. */
    private void sendAsIs(RecoveryCommand command) {
        commandWriter.beginTransaction();
        commandWriter.send(new ProducerRecord<>(topics.commands().name(), command.getCluster(), command));
        commandWriter.commitTransaction();
    }

    /** Waits for the {@code nth} result (1-based) of a command id. */
    private CommandResult awaitResult(String commandId, int nth) {
        return Eventually.awaitValue(WAIT, "result #" + nth + " of " + commandId, () -> {
            resultReader.poll(Duration.ofMillis(100)).forEach(record -> results.add(record.value()));
            final List<CommandResult> found = resultsFor(commandId);
            return found.size() >= nth ? Optional.of(found.get(nth - 1)) : Optional.empty();
        });
    }

    private List<CommandResult> resultsFor(String commandId) {
        return results.stream().filter(r -> r.getCommandId().equals(commandId)).toList();
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter() {
        final KafkaConsumer<byte[], byte[]> letters = closing(new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        letters.assign(List.of(new TopicPartition(topics.deadLetters().name(), 0),
                new TopicPartition(topics.deadLetters().name(), 1)));
        final List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
        return Eventually.awaitValue(WAIT, "a dead letter", () -> {
            letters.poll(Duration.ofMillis(100)).forEach(received::add);
            return received.stream().findFirst();
        });
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }
}
