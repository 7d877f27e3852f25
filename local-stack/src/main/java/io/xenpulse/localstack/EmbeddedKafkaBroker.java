package io.xenpulse.localstack;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (combined KRaft broker and controller) running inside this JVM on loopback,
 * built from Kafka's own server classes. Internal topics use replication 1 and min.insync.replicas 1 and
 * the first consumer-group rebalance is not delayed, so it suits exactly_once_v2 Streams applications.
 *
 * <p>The broker can be stopped and started again on the same port and log directory (for broker-outage
 * tests); its data survive. Kafka's server classes are internal API: this is the one class that touches them.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final Map<String, String> extraProperties;
    private final Duration startupTimeout;
    private int controllerPort;
    private KafkaRaftServer server;
    private String clusterId;

    /**
     * Prepares a broker; nothing starts until {@link #start()}.
     *
     * @param logDir the broker's data; formatted on first use, reused afterwards
     * @param port client port on 127.0.0.1; 0 picks a free one now, kept across restarts
     * @param extraProperties broker settings applied over the defaults of this class
     */
    public EmbeddedKafkaBroker(Path logDir, int port, Map<String, String> extraProperties, Duration startupTimeout) {
        Ports.requireValid(port, "broker port");
        this.logDir = logDir.toAbsolutePath();
        this.port = Ports.resolve(port);
        this.extraProperties = Map.copyOf(extraProperties);
        this.startupTimeout = Objects.requireNonNull(startupTimeout);
        this.controllerPort = Ports.pickFree();
    }

    /** Creates and starts a broker with default settings. */
    public static EmbeddedKafkaBroker start(Path logDir, int port, Duration startupTimeout) {
        final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, port, Map.of(), startupTimeout);
        broker.start();
        return broker;
    }

    /**
     * Starts the broker and returns once it answers a client request.
     *
     * @throws LocalStackException when the port is taken or the broker does not come up in time; no server
     *     thread is left running
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        final long startNanos = System.nanoTime();
        Ports.requireFree(port, "Kafka broker");
        if (!Ports.isFree(controllerPort)) {
            controllerPort = Ports.pickFree();
        }
        clusterId = KraftStorage.formatIfNeeded(logDir, NODE_ID, CONTROLLER_LISTENER);
        final KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(serverProperties(), false),
                Time.SYSTEM);
        KafkaExitGuard.acquire();
        try {
            candidate.startup();
            awaitClientRequestAnswered();
        } catch (RuntimeException e) {
            // A failed start-up leaves non-daemon controller threads behind; without this the JVM never exits.
            shutdownQuietly(candidate);
            KafkaExitGuard.release();
            throw startFailure(e);
        }
        server = candidate;
        LOG.info("Kafka broker ready on {} (cluster {}, log dir {}) in {} ms", bootstrapServers(), clusterId,
                logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    /** Stops the broker and waits for its threads to end; its data stay. Does nothing when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        final KafkaRaftServer stopping = server;
        server = null;
        final long startNanos = System.nanoTime();
        shutdownQuietly(stopping);
        KafkaExitGuard.release();
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** The KRaft cluster id, known once the broker has started. */
    public synchronized String clusterId() {
        return clusterId;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties serverProperties() {
        final Map<String, String> settings = new TreeMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + Ports.LOOPBACK + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("log.dirs", logDir.toString());
        settings.putAll(singleNodeDefaults());
        settings.putAll(extraProperties);
        final Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** What a one-node cluster needs, plus settings that keep tests quick and memory modest. */
    private static Map<String, String> singleNodeDefaults() {
        return Map.ofEntries(
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The cleaner's default 128 MiB dedupe buffer is wasted on a test broker's tiny compacted topics.
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024)));
    }

    private void awaitClientRequestAnswered() {
        final Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
        final int timeoutMs = (int) Math.min(Integer.MAX_VALUE, startupTimeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for the Kafka broker", e);
        } catch (Exception e) {
            throw new LocalStackException("Kafka broker on " + bootstrapServers() + " did not answer within "
                    + startupTimeout.toSeconds() + " s", e);
        }
    }

    private LocalStackException startFailure(RuntimeException e) {
        if (e instanceof LocalStackException known) {
            return known;
        }
        final Optional<Throwable> bindFailure = bindFailure(e);
        if (bindFailure.isPresent()) {
            return new LocalStackException("Kafka broker cannot start: a listener port is already in use (client"
                    + " port " + port + ", controller port " + controllerPort + "): "
                    + bindFailure.get().getMessage(), e);
        }
        return new LocalStackException("Kafka broker failed to start on " + bootstrapServers() + " (log dir "
                + logDir + "): " + e.getMessage(), e);
    }

    /** Kafka reports a taken port as a KafkaException whose message, not cause, says so. */
    private static Optional<Throwable> bindFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker shutdown reported an error", e);
        }
    }
}
