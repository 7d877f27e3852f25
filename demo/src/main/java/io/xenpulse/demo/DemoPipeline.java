package io.xenpulse.demo;

import io.xenpulse.actuator.ActuatorConfig;
import io.xenpulse.actuator.ActuatorService;
import io.xenpulse.correlator.app.CorrelatorConfig;
import io.xenpulse.correlator.app.CorrelatorMain;
import io.xenpulse.probe.Probe;
import io.xenpulse.probe.ProbeConfig;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.serde.RegistryClientSettings;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.serde.RestSchemaRegistryClient;
import io.xenpulse.schemas.serde.SubjectCompatibility;
import io.xenpulse.schemas.topics.TopicProvisioner;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Every xenpulse component, wired as in production but in one JVM: topics provisioned, the inventory
 * applied, the correlator, the actuator (executing on the simulated cluster), one probe per simulated node,
 * and the timeline following the topics. Each component reads its settings through its own config class.
 */
final class DemoPipeline implements AutoCloseable {

    private static final int PARTITIONS = 3;
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final XenTopics topics;
    private final Timeline timeline;
    private final KafkaStreams correlator;
    private final ActuatorService actuator;
    private final List<Probe> probes = new ArrayList<>();

    private DemoPipeline(Map<String, String> connection, SimulatedCluster cluster, Clock clock, Path workDir,
            PrintStream out, Instant start) throws Exception {
        final String bootstrap = connection.get("XENPULSE_BOOTSTRAP_SERVERS");
        final CorrelatorConfig correlatorConfig = CorrelatorConfig.fromMap(
                DemoTimings.correlator(connection, workDir.resolve("streams").toString()));
        topics = XenTopics.create("", RegistrySerdeFactory.fromConfig(correlatorConfig.connection().serdeConfig()));
        provisionTopics(bootstrap);
        SubjectCompatibility.requireBackward(new RestSchemaRegistryClient(RegistryClientSettings.fromConfig(
                correlatorConfig.connection().serdeConfig())), topics);
        applyInventory(bootstrap, DemoCluster.inventory(clock.instant()));
        timeline = new Timeline(topics, bootstrap, out, start);
        timeline.start();
        correlator = CorrelatorMain.start(correlatorConfig);
        awaitRunning(correlator);
        final SimulatorExecutor executor = new SimulatorExecutor(cluster);
        actuator = new ActuatorService(ActuatorConfig.fromMap(DemoTimings.actuator(connection)), topics,
                executor, executor, clock);
        actuator.start();
        for (SimulatedNode node : cluster.nodes()) {
            probes.add(Probe.start(ProbeConfig.fromMap(DemoTimings.probe(connection, node.name(),
                    workDir.resolve("spool").resolve(node.name()).toString())),
                    new SimulatedNodeSignals(node), clock));
        }
    }

    static DemoPipeline start(String bootstrap, String registryUrl, SimulatedCluster cluster, Clock clock,
            Path workDir, PrintStream out, Instant start) throws Exception {
        return new DemoPipeline(DemoTimings.connection(bootstrap, registryUrl), cluster, clock, workDir, out, start);
    }

    Timeline timeline() {
        return timeline;
    }

    private void provisionTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin, PARTITIONS, (short) 1).provision("");
        }
    }

    private void applyInventory(String bootstrap, ClusterInventory inventory)
            throws InterruptedException, ExecutionException, TimeoutException {
        final Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, ClusterInventory> producer = new KafkaProducer<>(config,
                topics.inventory().keySerde().serializer(), topics.inventory().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.inventory().name(), inventory.getCluster(), inventory))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        final long deadline = System.nanoTime() + STARTUP.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the correlator did not reach RUNNING; state " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        for (Probe probe : probes) {
            probe.close();
        }
        actuator.close();
        correlator.close(Duration.ofSeconds(20));
        timeline.close();
    }
}
