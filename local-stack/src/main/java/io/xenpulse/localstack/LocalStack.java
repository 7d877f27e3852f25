package io.xenpulse.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (in this JVM) and a real Apicurio Registry (child JVM) on loopback: what the
 * xenpulse demo and integration tests run on.
 *
 * <p>{@link #start(LocalStackConfig)} first finds the registry distribution and a Java 21+ (so a missing
 * prerequisite fails before anything runs), then starts the broker, then the registry, each gated on its
 * health. On any failure whatever was started is stopped again before the exception propagates.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackConfig.builder().build())) {
 *     String bootstrap = stack.bootstrapServers();   // "127.0.0.1:PORT"
 *     String registry = stack.registryUrl();         // "http://127.0.0.1:PORT/apis/ccompat/v7"
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedKafkaBroker broker;
    private final ApicurioRegistryProcess registry;
    private final Optional<Path> temporaryDataDir;
    private boolean closed;

    private LocalStack(EmbeddedKafkaBroker broker, ApicurioRegistryProcess registry,
            Optional<Path> temporaryDataDir) {
        this.broker = broker;
        this.registry = registry;
        this.temporaryDataDir = temporaryDataDir;
    }

    /**
     * Starts broker then registry and returns once both are ready.
     *
     * @throws LocalStackException with a message naming the cause (taken port, no Java 21+, no registry
     *     distribution, start-up timeout); nothing is left running
     */
    public static LocalStack start(LocalStackConfig config) {
        final Path registryHome = RegistryDistribution.ofThisMachine().locate(config.registryHome());
        final Path java = JavaRuntimes.ofThisMachine().locateJava(config.registryJavaHome());
        final Optional<Path> temporaryDataDir = config.dataDir().isPresent() ? Optional.empty()
                : Optional.of(createTemporaryDataDir());
        final Path dataDir = config.dataDir().or(() -> temporaryDataDir).orElseThrow().toAbsolutePath();
        EmbeddedKafkaBroker broker = null;
        try {
            broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), config.brokerPort(),
                    config.brokerProperties(), config.startupTimeout());
            broker.start();
            final ApicurioRegistryProcess registry = new ApicurioRegistryProcess(new ApicurioRegistryProcess.Settings(
                    registryHome, java, config.registryHttpPort(), config.registryManagementPort(),
                    config.registryStorage(), broker.bootstrapServers(), dataDir.resolve("apicurio-registry.log"),
                    config.registryProperties(), config.startupTimeout()));
            registry.start();
            LOG.info("Local stack ready: Kafka {}, schema registry {}", broker.bootstrapServers(),
                    registry.ccompatUrl());
            return new LocalStack(broker, registry, temporaryDataDir);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            temporaryDataDir.ifPresent(LocalStack::deleteQuietly);
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The Confluent-compatible registry API: {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String registryUrl() {
        return registry.ccompatUrl();
    }

    /** Stops the broker (data kept) to simulate an outage; the registry keeps running. */
    public void stopBroker() {
        broker.stop();
    }

    /** Starts the broker again on the same port and data directory. */
    public void startBroker() {
        broker.start();
    }

    /** Stops the registry process; with kafkasql storage its schemas survive a {@link #startRegistry()}. */
    public void stopRegistry() {
        registry.stop();
    }

    /** Starts the registry again on the same ports. */
    public void startRegistry() {
        registry.start();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public ApicurioRegistryProcess registry() {
        return registry;
    }

    /** Stops the registry, then the broker; removes a temporary data directory. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
        } finally {
            broker.close();
            temporaryDataDir.ifPresent(LocalStack::deleteQuietly);
        }
    }

    private static Path createTemporaryDataDir() {
        try {
            return Files.createTempDirectory("xenpulse-local-stack-");
        } catch (IOException e) {
            throw new LocalStackException("could not create a temporary data directory: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete temporary data directory {}: {}", dir, e.getMessage());
        }
    }
}
