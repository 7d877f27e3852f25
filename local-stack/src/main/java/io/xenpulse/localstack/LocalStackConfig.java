package io.xenpulse.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable settings of a {@link LocalStack}: ports, data directory, registry storage, where the registry
 * distribution and a Java 21+ are, and how long start-up may take.
 *
 * <p>Built with {@link #builder()} (every port 0 = pick a free one, a temporary data directory removed on
 * close, kafkasql storage) or read from environment-style keys with {@link #fromMap(Map)}.
 */
public final class LocalStackConfig {

    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final int brokerPort;
    private final int registryHttpPort;
    private final int registryManagementPort;
    private final Path dataDir;
    private final RegistryStorage registryStorage;
    private final Path registryHome;
    private final Path registryJavaHome;
    private final Duration startupTimeout;
    private final Map<String, String> brokerProperties;
    private final Map<String, String> registryProperties;

    private LocalStackConfig(Builder builder) {
        this.brokerPort = builder.brokerPort;
        this.registryHttpPort = builder.registryHttpPort;
        this.registryManagementPort = builder.registryManagementPort;
        this.dataDir = builder.dataDir;
        this.registryStorage = builder.registryStorage;
        this.registryHome = builder.registryHome;
        this.registryJavaHome = builder.registryJavaHome;
        this.startupTimeout = builder.startupTimeout;
        this.brokerProperties = Collections.unmodifiableMap(new TreeMap<>(builder.brokerProperties));
        this.registryProperties = Collections.unmodifiableMap(new TreeMap<>(builder.registryProperties));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code XENPULSE_STACK_*} keys (see {@link LocalStackEnvironment} for names and defaults); other
     * keys are ignored, unknown {@code XENPULSE_STACK_*} keys are rejected.
     *
     * @throws IllegalArgumentException naming the offending key
     */
    public static LocalStackConfig fromMap(Map<String, String> env) {
        return LocalStackEnvironment.read(env);
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int registryHttpPort() {
        return registryHttpPort;
    }

    public int registryManagementPort() {
        return registryManagementPort;
    }

    /** Empty: a temporary directory is created at start and deleted on close. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public RegistryStorage registryStorage() {
        return registryStorage;
    }

    public Optional<Path> registryHome() {
        return Optional.ofNullable(registryHome);
    }

    public Optional<Path> registryJavaHome() {
        return Optional.ofNullable(registryJavaHome);
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    /** Extra broker settings, applied over the local-stack defaults. */
    public Map<String, String> brokerProperties() {
        return brokerProperties;
    }

    /** Extra registry settings, passed as {@code -Dkey=value} to the registry JVM. */
    public Map<String, String> registryProperties() {
        return registryProperties;
    }

    @Override
    public String toString() {
        return "LocalStackConfig{brokerPort=" + brokerPort + ", registryHttpPort=" + registryHttpPort
                + ", registryManagementPort=" + registryManagementPort + ", dataDir=" + dataDir
                + ", registryStorage=" + registryStorage + ", registryHome=" + registryHome
                + ", registryJavaHome=" + registryJavaHome + ", startupTimeout=" + startupTimeout
                + ", brokerProperties=" + brokerProperties.keySet()
                + ", registryProperties=" + registryProperties.keySet() + "}";
    }

    /** Mutable builder; every setting has a default. */
    public static final class Builder {
        private int brokerPort;
        private int registryHttpPort;
        private int registryManagementPort;
        private Path dataDir;
        private RegistryStorage registryStorage = RegistryStorage.KAFKASQL;
        private Path registryHome;
        private Path registryJavaHome;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final Map<String, String> brokerProperties = new TreeMap<>();
        private final Map<String, String> registryProperties = new TreeMap<>();

        private Builder() {
        }

        /** 0 (default) picks a free port once; restarts keep it. */
        public Builder brokerPort(int port) {
            Ports.requireValid(port, "brokerPort");
            this.brokerPort = port;
            return this;
        }

        public Builder registryHttpPort(int port) {
            Ports.requireValid(port, "registryHttpPort");
            this.registryHttpPort = port;
            return this;
        }

        public Builder registryManagementPort(int port) {
            Ports.requireValid(port, "registryManagementPort");
            this.registryManagementPort = port;
            return this;
        }

        /** Kept across runs: the broker's log dir is reused, never re-formatted. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        public Builder registryStorage(RegistryStorage storage) {
            this.registryStorage = Objects.requireNonNull(storage, "registryStorage");
            return this;
        }

        /** A directory holding {@code quarkus-run.jar}; when unset it is searched for (see LocalStack). */
        public Builder registryHome(Path home) {
            this.registryHome = home;
            return this;
        }

        /** A Java 21+ home for the registry; when unset one is searched for. */
        public Builder registryJavaHome(Path javaHome) {
            this.registryJavaHome = javaHome;
            return this;
        }

        /** Bound for each of broker and registry start-up. */
        public Builder startupTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder registryProperty(String key, String value) {
            registryProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public LocalStackConfig build() {
            return new LocalStackConfig(this);
        }
    }
}
