package io.xenpulse.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry server run as a child JVM on loopback. Its output goes to a log file; it counts
 * as started once {@code /health/ready} on the management port answers 200 and the Confluent-compatible API
 * answers. The whole process tree is destroyed on {@link #stop()}, on {@link #close()}, and by a JVM shutdown
 * hook should the owner forget. It can be stopped and started again on the same ports.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

    /** Path of the Confluent-compatible REST API below the registry's base URL. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistryProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Settings settings;
    private final int httpPort;
    private final int managementPort;
    private Process process;
    private Thread shutdownHook;

    /**
     * Everything needed to run the registry.
     *
     * @param home the unpacked distribution (holds {@code quarkus-run.jar})
     * @param javaExecutable a Java 21+ {@code java}
     * @param httpPort API port; 0 picks a free one, kept across restarts
     * @param managementPort health/metrics port; 0 picks a free one, kept across restarts
     * @param kafkaBootstrapServers used by {@link RegistryStorage#KAFKASQL}, ignored otherwise
     * @param logFile where the registry's output is appended
     * @param systemProperties extra {@code -D} settings for the registry
     */
    public record Settings(Path home, Path javaExecutable, int httpPort, int managementPort,
            RegistryStorage storage, String kafkaBootstrapServers, Path logFile,
            Map<String, String> systemProperties, Duration startupTimeout) {

        public Settings {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(javaExecutable, "javaExecutable");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(logFile, "logFile");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            Ports.requireValid(httpPort, "registry HTTP port");
            Ports.requireValid(managementPort, "registry management port");
            if (storage == RegistryStorage.KAFKASQL && (kafkaBootstrapServers == null
                    || kafkaBootstrapServers.isBlank())) {
                throw new IllegalArgumentException("kafkasql storage needs kafkaBootstrapServers");
            }
            systemProperties = Map.copyOf(systemProperties);
        }
    }

    public ApicurioRegistryProcess(Settings settings) {
        this.settings = settings;
        this.httpPort = Ports.resolve(settings.httpPort());
        this.managementPort = Ports.resolve(settings.managementPort());
    }

    /**
     * Starts the child JVM and waits until it is ready.
     *
     * @throws LocalStackException when a port is taken, the process exits early (the message carries the end
     *     of its log) or readiness is not reached in time; the process is destroyed in every such case
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        final long startNanos = System.nanoTime();
        Ports.requireFree(httpPort, "Apicurio Registry (HTTP)");
        Ports.requireFree(managementPort, "Apicurio Registry (management)");
        process = launch();
        shutdownHook = new Thread(this::destroyOnJvmExit, "apicurio-registry-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            new RegistryReadiness(process, settings.logFile(), settings.startupTimeout())
                    .await(managementUrl() + "/health/ready", ccompatUrl() + "/subjects");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Apicurio Registry ready on {} ({} storage, pid {}, log {}) in {} ms", baseUrl(),
                settings.storage(), process.pid(), settings.logFile(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    /** Stops the registry (SIGTERM, then SIGKILL after a grace period) with all its descendants. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        final Process stopping = process;
        process = null;
        final long startNanos = System.nanoTime();
        ProcessTrees.destroy(stopping.toHandle(), STOP_GRACE);
        removeShutdownHook();
        LOG.info("Apicurio Registry (pid {}) stopped in {} ms", stopping.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    /** The Confluent-compatible API: {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String ccompatUrl() {
        return baseUrl() + CCOMPAT_PATH;
    }

    public String managementUrl() {
        return "http://" + Ports.LOOPBACK + ":" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return settings.logFile();
    }

    @Override
    public void close() {
        stop();
    }

    private Process launch() {
        final List<String> command = command();
        try {
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            LOG.debug("Starting Apicurio Registry: {}", command);
            return new ProcessBuilder(command)
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new LocalStackException("could not start Apicurio Registry with " + settings.javaExecutable()
                    + ": " + e.getMessage(), e);
        }
    }

    List<String> command() {
        final Map<String, String> properties = new TreeMap<>();
        properties.put("quarkus.http.host", Ports.LOOPBACK);
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("quarkus.management.host", Ports.LOOPBACK);
        properties.put("quarkus.management.port", Integer.toString(managementPort));
        if (settings.storage() == RegistryStorage.KAFKASQL) {
            properties.put("apicurio.storage.kind", "kafkasql");
            properties.put("apicurio.kafkasql.bootstrap.servers", settings.kafkaBootstrapServers());
            // Start-up waits out several empty polls of the journal and snapshot topics (5 s each by default).
            properties.put("apicurio.kafkasql.consumer.poll.timeout", "500");
        } else {
            properties.put("apicurio.storage.kind", "sql");
            properties.put("apicurio.storage.sql.kind", "h2");
        }
        properties.putAll(settings.systemProperties());
        final List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        // A low-traffic dev server: quick start and a small footprint matter more than peak throughput.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx512m");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(settings.home().resolve(RegistryDistribution.LAUNCHER).toString());
        return command;
    }

    private void destroyOnJvmExit() {
        final Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null) {
            ProcessTrees.destroy(running.toHandle(), Duration.ofSeconds(5));
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook itself is what is running.
        }
        shutdownHook = null;
    }
}
