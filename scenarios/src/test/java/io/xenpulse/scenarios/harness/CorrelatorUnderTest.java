package io.xenpulse.scenarios.harness;

import io.xenpulse.correlator.topology.CorrelatorTopology;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.topics.XenTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real correlator topology ({@link CorrelatorTopology#build}) in a {@link TopologyTestDriver}, with the
 * streams properties production uses, fed records with their log timestamps and a wall clock that follows
 * the scenario's virtual clock. A restart closes the instance and starts a new one whose state store is
 * restored from the old one's, as a restarted correlator restores it from its changelog: its punctuator is
 * scheduled afresh and it reads the backlog before its first tick.
 */
final class CorrelatorUnderTest implements AutoCloseable {

    /** What the correlator wrote since the last drain, each record stamped with the wall clock at emission. */
    record Emitted(List<Decision> decisions, List<TestRecord<String, RecoveryCommand>> commands) {
    }

    private final ScenarioTimings timings;
    private final XenTopics topics;
    private final Path stateRoot;
    private TopologyTestDriver driver;
    private TestInputTopic<String, NodeObservation> observations;
    private TestInputTopic<String, CommandResult> results;
    private TestInputTopic<String, ClusterInventory> inventory;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, RecoveryCommand> commands;
    private Instant wallClock;
    private int generation;

    CorrelatorUnderTest(ScenarioTimings timings, XenTopics topics, Path stateRoot, Instant start) {
        this.timings = timings;
        this.topics = topics;
        this.stateRoot = stateRoot;
        open(start);
    }

    Instant wallClock() {
        return wallClock;
    }

    /** Moves the correlator's wall clock to {@code now}, firing its punctuator when due. */
    void advanceTo(Instant now) {
        final Duration by = Duration.between(wallClock, now);
        if (by.isNegative() || by.isZero()) {
            return;
        }
        wallClock = now;
        driver.advanceWallClockTime(by);
    }

    void read(InputLog.Entry entry, String cluster) {
        if (entry.value() instanceof NodeObservation observation) {
            observations.pipeInput(cluster, observation, entry.appendedAt());
        } else if (entry.value() instanceof CommandResult result) {
            results.pipeInput(cluster, result, entry.appendedAt());
        } else {
            throw new IllegalArgumentException("not a correlator input: " + entry.value().getClass());
        }
    }

    void applyInventory(ClusterInventory clusterInventory) {
        inventory.pipeInput(clusterInventory.getCluster(), clusterInventory, wallClock);
    }

    Emitted drain() {
        return new Emitted(decisions.readValuesToList(), commands.readRecordsToList());
    }

    /** Stops this instance and starts a new one at {@code at}, its store restored from this one's. */
    void restartAt(Instant at) {
        final List<KeyValue<String, byte[]>> restored = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store().all()) {
            all.forEachRemaining(restored::add);
        }
        close();
        open(at);
        final KeyValueStore<String, byte[]> store = store();
        restored.forEach(entry -> store.put(entry.key, entry.value));
    }

    @Override
    public void close() {
        driver.close();
        deleteQuietly(stateDir());
    }

    private void open(Instant at) {
        generation++;
        wallClock = at;
        final Properties props = timings.correlator().streamsProperties(topics.deadLetters().name());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        driver = new TopologyTestDriver(CorrelatorTopology.build(timings.policy(), timings.tickInterval(), topics),
                props, at);
        observations = driver.createInputTopic(topics.observations().name(), Serdes.String().serializer(),
                topics.observations().valueSerde().serializer());
        results = driver.createInputTopic(topics.commandResults().name(), Serdes.String().serializer(),
                topics.commandResults().valueSerde().serializer());
        inventory = driver.createInputTopic(topics.inventory().name(), Serdes.String().serializer(),
                topics.inventory().valueSerde().serializer());
        decisions = driver.createOutputTopic(topics.decisions().name(), Serdes.String().deserializer(),
                topics.decisions().valueSerde().deserializer());
        commands = driver.createOutputTopic(topics.commands().name(), Serdes.String().deserializer(),
                topics.commands().valueSerde().deserializer());
    }

    private KeyValueStore<String, byte[]> store() {
        return driver.getKeyValueStore(CorrelatorTopology.STATE_STORE);
    }

    private Path stateDir() {
        return stateRoot.resolve("correlator-" + generation);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
