package io.xenpulse.actuator;

import io.xenpulse.actuator.execution.CommandExecutor;
import io.xenpulse.actuator.execution.PowerCheck;
import io.xenpulse.actuator.kafka.CommandLoopRunner;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actuator as a service: consumes recovery commands, admits them (expiry, duplicates, one action per
 * node, its own precondition checks), executes them through a {@link CommandExecutor} with a timeout per
 * attempt, and publishes a result for every command. Before a start whose safety rests on a fence it asks
 * the fenced node's power device, through a {@link PowerCheck}, whether the node is still OFF. Its memory
 * of executed commands and fences is rebuilt from the result topic on start.
 *
 * <p>{@link #start()} returns at once; the work runs on a thread of its own ("actuator-loop").
 * {@link #close()} stops taking commands, lets running ones finish (bounded by the action timeout),
 * publishes their results and commits.
 */
public final class ActuatorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorService.class);
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(30);

    private final ActuatorConfig config;
    private final CommandLoopRunner runner;
    private Thread thread;

    public ActuatorService(ActuatorConfig config, XenTopics topics, CommandExecutor executor, PowerCheck powerCheck,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.runner = new CommandLoopRunner(config, Objects.requireNonNull(topics, "topics"),
                Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(powerCheck, "powerCheck"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Starts the loop thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("actuator already started");
        }
        thread = new Thread(runner, "actuator-loop");
        thread.start();
        LOG.info("actuator started: group {}, action timeout {}", config.groupId(), config.actionTimeout());
    }

    /** Whether the loop is running (false before start, after close, and after a fatal error). */
    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** The error that stopped the loop, if one did. */
    public Optional<Throwable> failure() {
        return runner.failure();
    }

    /** Blocks until the loop has stopped (after {@link #close()} or a fatal error). */
    public void awaitTermination() throws InterruptedException {
        final Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.join();
        }
    }

    @Override
    public void close() {
        final Thread running;
        synchronized (this) {
            running = thread;
        }
        runner.stop();
        if (running == null) {
            return;
        }
        try {
            running.join(config.actionTimeout().plus(CLOSE_MARGIN).toMillis());
            if (running.isAlive()) {
                LOG.warn("actuator loop did not stop in time; interrupting it");
                running.interrupt();
                running.join(CLOSE_MARGIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
