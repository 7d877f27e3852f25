package io.xenpulse.actuator.kafka;

import io.xenpulse.actuator.admission.CommandValidator;
import io.xenpulse.actuator.dispatch.CommandMdc;
import io.xenpulse.actuator.dispatch.Dispatcher;
import io.xenpulse.actuator.dispatch.Effect;
import io.xenpulse.actuator.execution.TimedExecution;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actuator's single loop thread: follows the result history, polls commands, hands them to the
 * {@link Dispatcher}, carries out its effects (executions and power checks on their own threads, results
 * published asynchronously), and commits a command's offset only once its result is durably published.
 */
final class CommandLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration EVICT_EVERY = Duration.ofMinutes(1);

    private final Consumer<byte[], byte[]> commands;
    private final String commandTopic;
    private final Deserializer<RecoveryCommand> commandReader;
    private final HistoryReader history;
    private final ResultPublisher publisher;
    private final TimedExecution execution;
    private final Dispatcher<CommandOffset> dispatcher;
    private final Clock clock;
    private final OffsetTracker offsets = new OffsetTracker();
    private final LoopTasks tasks = new LoopTasks();
    private Instant nextEviction = Instant.MIN;

    CommandLoop(Consumer<byte[], byte[]> commands, String commandTopic, Deserializer<RecoveryCommand> commandReader,
            HistoryReader history, ResultPublisher publisher, TimedExecution execution,
            Dispatcher<CommandOffset> dispatcher, Clock clock) {
        this.commands = commands;
        this.commandTopic = commandTopic;
        this.commandReader = commandReader;
        this.history = history;
        this.publisher = publisher;
        this.execution = execution;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    Consumer<byte[], byte[]> commandConsumer() {
        return commands;
    }

    HistoryReader history() {
        return history;
    }

    Dispatcher<CommandOffset> dispatcher() {
        return dispatcher;
    }

    /** One round: learn new results, take new commands, finish what completed, commit, tidy memory. */
    void iterate() throws InterruptedException {
        history.poll(Duration.ZERO, dispatcher::learn);
        for (ConsumerRecord<byte[], byte[]> record : commands.poll(POLL)) {
            final CommandOffset token = new CommandOffset(new TopicPartition(record.topic(), record.partition()),
                    record.offset());
            offsets.received(token);
            handle(token, record);
        }
        tasks.runPosted(Duration.ZERO);
        commit();
        evictIfDue();
    }

    /** Runs posted work until no command matching the partitions is unfinished, or the deadline. */
    void finish(Predicate<CommandOffset> which, Instant deadline) throws InterruptedException {
        while (dispatcher.hasUnfinished(which) && Instant.now().isBefore(deadline)) {
            tasks.runPosted(POLL);
        }
        if (dispatcher.hasUnfinished(which)) {
            LOG.warn("gave up waiting for {} unfinished commands; they will be redelivered",
                    dispatcher.unfinishedCount());
        }
    }

    void commit() {
        final Map<TopicPartition, OffsetAndMetadata> ready = offsets.committable();
        if (ready.isEmpty()) {
            return;
        }
        try {
            commands.commitSync(ready);
            offsets.committed(ready);
        } catch (KafkaException e) {
            // Not fatal: the answered records stay answered and are committed next time (or redelivered
            // to the next owner, which refuses them as duplicates).
            LOG.warn("offset commit failed: {}", e.toString());
        }
    }

    OffsetTracker offsets() {
        return offsets;
    }

    void close() {
        tasks.close();
    }

    private void handle(CommandOffset token, ConsumerRecord<byte[], byte[]> record) {
        final RecoveryCommand command;
        try {
            command = commandReader.deserialize(commandTopic, record.headers(), record.value());
        } catch (RuntimeException e) {
            deadLetter(token, record, "undeserializable command: " + e.getMessage());
            return;
        }
        if (command == null) {
            deadLetter(token, record, "empty command record");
        } else if (!CommandValidator.isAddressable(command)) {
            deadLetter(token, record, "command without id or cluster: no result can be addressed to it");
        } else {
            try (CommandMdc mdc = CommandMdc.of(command)) {
                LOG.info("{} received from {}", command.getKind(), token);
            }
            apply(dispatcher.onCommand(token, command, clock.instant()));
        }
    }

    private void apply(List<Effect<CommandOffset>> effects) {
        for (Effect<CommandOffset> effect : effects) {
            if (effect instanceof Effect.Execute<CommandOffset> execute) {
                execution.start(execute.command()).thenAccept(outcome -> tasks.post(
                        () -> apply(dispatcher.onExecuted(execute.token(), outcome, clock.instant()))));
            } else if (effect instanceof Effect.CheckPower<CommandOffset> check) {
                execution.checkPower(check.cluster(), check.nodes()).thenAccept(statuses -> tasks.post(
                        () -> apply(dispatcher.onPowerChecked(check.token(), statuses, clock.instant()))));
            } else if (effect instanceof Effect.Publish<CommandOffset> publish) {
                publish(publish.token(), publish.result());
            }
        }
    }

    private void publish(CommandOffset token, CommandResult result) {
        try {
            publisher.publish(result, (metadata, error) -> tasks.post(() -> onPublished(token, result, metadata, error)));
        } catch (RuntimeException e) {
            onPublished(token, result, null, e);
        }
    }

    private void onPublished(CommandOffset token, CommandResult result, RecordMetadata metadata, Exception error) {
        try (CommandMdc mdc = CommandMdc.of(result.getCommandId(), result.getCluster(), result.getTargetNode())) {
            if (error != null) {
                LOG.warn("publishing {} result failed, retrying in {}: {}", result.getStatus(), RETRY, error.toString());
                tasks.postLater(RETRY, () -> publish(token, result));
                return;
            }
            LOG.info("{} result {} published at {}-{}@{}", result.getKind(), result.getStatus(), metadata.topic(),
                    metadata.partition(), metadata.offset());
        }
        offsets.answered(token);
        apply(dispatcher.onPublished(token, result, metadata.offset(), clock.instant()));
    }

    private void deadLetter(CommandOffset token, ConsumerRecord<byte[], byte[]> record, String reason) {
        LOG.warn("dead-lettering command record {}: {}", token, reason);
        try {
            publisher.deadLetter(record, reason, (metadata, error) -> tasks.post(() -> {
                if (error == null) {
                    offsets.answered(token);
                } else {
                    LOG.warn("dead-lettering {} failed, retrying in {}: {}", token, RETRY, error.toString());
                    tasks.postLater(RETRY, () -> deadLetter(token, record, reason));
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("dead-lettering {} failed, retrying in {}: {}", token, RETRY, e.toString());
            tasks.postLater(RETRY, () -> deadLetter(token, record, reason));
        }
    }

    private void evictIfDue() {
        final Instant now = clock.instant();
        if (now.isAfter(nextEviction)) {
            dispatcher.evict(now);
            nextEviction = now.plus(EVICT_EVERY);
        }
    }
}
