package io.xenpulse.correlator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.correlator.rules.CorrelatorPolicy;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correlator's Kafka layer with explicit timestamps and a hand-advanced wall clock. */
class CorrelatorTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final CorrelatorPolicy POLICY = new CorrelatorPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(2), 2, Duration.ofSeconds(15), Duration.ofSeconds(30), 2, Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(10));

    @TempDir
    Path stateDir;

    private final XenTopics topics = XenTopics.create("",
            RegistrySerdeFactory.fromConfig(Map.of("schema.registry.url", "mock://correlator-topology-test")));
    private TopologyTestDriver driver;
    private TestInputTopic<String, NodeObservation> observations;
    private TestInputTopic<String, byte[]> rawObservations;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, RecoveryCommand> commands;
    private long sequence = 1;
    /** The driver's wall clock, which it does not expose: every advance goes through {@link #advance}. */
    private Instant wallClock = START;

    @BeforeEach
    void startDriver() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "correlator-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
        driver = new TopologyTestDriver(topology(), props, START);
        observations = driver.createInputTopic(topics.observations().name(), Serdes.String().serializer(),
                topics.observations().valueSerde().serializer());
        rawObservations = driver.createInputTopic(topics.observations().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        decisions = driver.createOutputTopic(topics.decisions().name(), Serdes.String().deserializer(),
                topics.decisions().valueSerde().deserializer());
        commands = driver.createOutputTopic(topics.commands().name(), Serdes.String().deserializer(),
                topics.commands().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldMatchTheGoldenTopologyDescription() throws IOException {
        final String expected;
        try (InputStream golden = getClass().getResourceAsStream("/correlator-topology.txt")) {
            expected = new String(golden.readAllBytes(), StandardCharsets.UTF_8);
        }
        final String actual = topology().describe().toString();
        if (!actual.equals(expected)) {
            Files.writeString(Path.of("target", "actual-topology.txt"), actual); // to review and promote
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldNotEmitAnyCommandDuringAShortXendOutage() {
        // given
        healthy("xen-1", "web01");
        // when: xend down for 6 s, then back
        for (int s = 0; s < 6; s++) {
            xendDown("xen-1");
        }
        healthy("xen-1", "web01");
        tickFor(Duration.ofSeconds(10), "xen-1", "web01");
        // then
        assertThat(commands.isEmpty()).isTrue();
        assertThat(decisions.readValuesToList()).extracting(Decision::getRule)
                .contains("daemon-outage-grace", "daemon-recovered");
    }

    @Test
    void shouldRestartXendWhenTheGraceExpiresOnTheWallClock() {
        // given
        healthy("xen-1", "web01");
        xendDown("xen-1");
        // when: no more observations, only wall-clock time passes
        advance(Duration.ofSeconds(11));
        // then
        final List<RecoveryCommand> issued = commands.readValuesToList();
        assertThat(issued).extracting(RecoveryCommand::getKind).containsExactly(CommandKind.RESTART_DAEMON);
        assertThat(issued.get(0).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldTakeObservationsLoggedLongBeforeTheyAreReadAsHistory() {
        // given
        healthy("xen-1", "web01");
        final Instant beforeOutage = wallClock;
        advance(Duration.ofSeconds(12));
        // when: xend-down observations that reached the log 12 s ago (more than the 10 s lag bound, less than
        // the 15 s silence) become readable only now
        for (int s = 0; s < 2; s++) {
            pipeLoggedAt(beforeOutage.plusSeconds(s), "xen-1", ProcessState.ABSENT, SourceStatus.DOWN, List.of());
        }
        advance(Duration.ofSeconds(11));
        // then: xend being down back then does not start the daemon ladder now
        assertThat(commands.readValuesToList()).extracting(RecoveryCommand::getKind)
                .doesNotContain(CommandKind.RESTART_DAEMON);
        assertThat(decisions.readValuesToList()).extracting(Decision::getRule).doesNotContain("daemon-outage-grace");
    }

    @Test
    void shouldReportSilenceWithoutAnyInputRecord() {
        healthy("xen-1", "web01");
        advance(Duration.ofSeconds(16));
        assertThat(decisions.readValuesToList()).extracting(Decision::getRule).contains("node-silent");
    }

    @Test
    void shouldDeadLetterAnUnreadableObservationAndKeepGoing() {
        // given
        final TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        // when: a record with a wrong magic byte, then a good one
        rawObservations.pipeInput("c1", new byte[] {7, 0, 0, 0, 1, 2, 3}, START);
        healthy("xen-1", "web01");
        xendDown("xen-1");
        advance(Duration.ofSeconds(11));
        // then
        assertThat(deadLetters.readRecordsToList()).hasSize(1);
        assertThat(commands.readValuesToList()).extracting(RecoveryCommand::getKind)
                .containsExactly(CommandKind.RESTART_DAEMON);
    }

    private Topology topology() {
        return CorrelatorTopology.build(POLICY, Duration.ofSeconds(1), topics);
    }

    private void tickFor(Duration duration, String node, String... vms) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            healthy(node, vms);
        }
    }

    private void healthy(String node, String... vms) {
        final List<DomainEntry> domains = java.util.Arrays.stream(vms)
                .map(vm -> DomainEntry.newBuilder().setName(vm).setState(DomainState.RUNNING).build()).toList();
        pipe(node, ProcessState.PRESENT, SourceStatus.OK, domains);
    }

    private void xendDown(String node) {
        pipe(node, ProcessState.ABSENT, SourceStatus.DOWN, List.of());
    }

    /** Wall-clock time passes in one-second steps, so the punctuator ticks as it does in production. */
    private void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            wallClock = wallClock.plusSeconds(1);
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    /** One observation per second, logged (its record timestamp) as the wall clock reads when piped. */
    private void pipe(String node, ProcessState xend, SourceStatus status, List<DomainEntry> domains) {
        pipeLoggedAt(wallClock, node, xend, status, domains);
    }

    private void pipeLoggedAt(Instant loggedAt, String node, ProcessState xend, SourceStatus status,
            List<DomainEntry> domains) {
        observations.pipeInput("c1", NodeObservation.newBuilder().setCluster("c1").setNode(node).setBootId("b1")
                .setSequence(sequence++).setObservedAt(loggedAt)
                .setDaemons(List.of(DaemonCheck.newBuilder().setDaemon("xend").setProcess(xend).setControl(status).build()))
                .setListings(List.of(ListingResult.newBuilder().setSource(ListingSource.XM).setStatus(status)
                        .setDomains(domains).build()))
                .build(), loggedAt);
        advance(Duration.ofSeconds(1));
    }
}
