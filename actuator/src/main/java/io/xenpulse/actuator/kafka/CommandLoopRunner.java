package io.xenpulse.actuator.kafka;

import io.xenpulse.actuator.ActuatorConfig;
import io.xenpulse.actuator.admission.ActuatorMemory;
import io.xenpulse.actuator.dispatch.Dispatcher;
import io.xenpulse.actuator.execution.CommandExecutor;
import io.xenpulse.actuator.execution.PowerCheck;
import io.xenpulse.actuator.execution.TimedExecution;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the actuator's clients for the lifetime of its loop thread: creates them, reads the result
 * history, subscribes to commands, runs {@link CommandLoop} rounds until stopped, then drains and closes
 * everything. Transient Kafka errors are logged and retried; errors no retry can fix (authentication,
 * authorisation, a bad group id, a missing topic) stop the loop and are reported by {@link #failure()}.
 */
public final class CommandLoopRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLoopRunner.class);
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final ActuatorConfig config;
    private final XenTopics topics;
    private final CommandExecutor executor;
    private final PowerCheck powerCheck;
    private final Clock clock;
    private volatile boolean stopping;
    private volatile Throwable failure;

    public CommandLoopRunner(ActuatorConfig config, XenTopics topics, CommandExecutor executor,
            PowerCheck powerCheck, Clock clock) {
        this.config = config;
        this.topics = topics;
        this.executor = executor;
        this.powerCheck = powerCheck;
        this.clock = clock;
    }

    public void stop() {
        stopping = true;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void run() {
        final String clientId = config.groupId() + "-" + UUID.randomUUID().toString().substring(0, 8);
        final Dispatcher<CommandOffset> dispatcher = new Dispatcher<>(new ActuatorMemory(config.memoryRetention()));
        try (TimedExecution execution = new TimedExecution(executor, config.actionTimeout(), powerCheck,
                    config.powerCheckTimeout());
                ResultPublisher publisher = new ResultPublisher(
                        new KafkaProducer<>(ClientSettings.producer(config, clientId)), topics);
                HistoryReader history = new HistoryReader(
                        new KafkaConsumer<>(ClientSettings.historyConsumer(config, clientId)), topics.commandResults());
                KafkaConsumer<byte[], byte[]> commands =
                        new KafkaConsumer<>(ClientSettings.commandConsumer(config, clientId))) {
            final CommandLoop loop = new CommandLoop(commands, topics.commands().name(),
                    topics.commands().valueSerde().deserializer(), history, publisher, execution, dispatcher, clock);
            try {
                history.catchUp(config.historyTimeout(), dispatcher::learn);
                commands.subscribe(List.of(topics.commands().name()),
                        new RebalanceHandler(loop, drainTimeout(), config.historyTimeout()));
                runRounds(loop);
                drain(loop);
            } finally {
                loop.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("actuator loop interrupted");
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("actuator loop stopped: {}", e.toString(), e);
        }
        LOG.info("actuator loop stopped");
    }

    private void runRounds(CommandLoop loop) throws InterruptedException {
        while (!stopping) {
            try {
                loop.iterate();
            } catch (AuthenticationException | AuthorizationException | InvalidGroupIdException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.warn("Kafka error, retrying in {}: {}", BACKOFF, e.toString());
                waitFor(BACKOFF);
            }
        }
    }

    /** Stops taking commands: waiting ones are left to redelivery, running ones finish and are committed. */
    private void drain(CommandLoop loop) throws InterruptedException {
        final int dropped = loop.dispatcher().abandonWaiting(token -> true);
        loop.finish(token -> true, Instant.now().plus(drainTimeout()));
        loop.commit();
        LOG.info("actuator drained ({} waiting commands left for redelivery)", dropped);
    }

    private Duration drainTimeout() {
        return config.actionTimeout().plus(DRAIN_MARGIN);
    }

    private static void waitFor(Duration pause) throws InterruptedException {
        // A pause between retries of a failing client, not synchronisation.
        Thread.sleep(pause.toMillis());
    }
}
