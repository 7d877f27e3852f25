package io.xenpulse.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java 21+ installation for the Apicurio Registry child process, which does not run on older Java.
 *
 * <p>Order: the configured home; env {@code XENPULSE_REGISTRY_JAVA_HOME}; the current JVM when it is 21+;
 * env {@code JAVA_HOME}; every directory under {@code /usr/lib/jvm}, newest first. An explicitly configured
 * home (first two) is binding: if it is not 21+, that is an error rather than a reason to look elsewhere.
 * A home's version comes from its {@code release} file ({@code JAVA_VERSION}).
 */
final class JavaRuntimes {

    static final int REQUIRED_FEATURE_VERSION = 21;
    static final String JAVA_HOME_ENV = "XENPULSE_REGISTRY_JAVA_HOME";

    private final Map<String, String> env;
    private final Path currentJavaHome;
    private final int currentFeatureVersion;
    private final Path jvmRoot;

    JavaRuntimes(Map<String, String> env, Path currentJavaHome, int currentFeatureVersion, Path jvmRoot) {
        this.env = env;
        this.currentJavaHome = currentJavaHome;
        this.currentFeatureVersion = currentFeatureVersion;
        this.jvmRoot = jvmRoot;
    }

    static JavaRuntimes ofThisMachine() {
        return new JavaRuntimes(System.getenv(), Path.of(System.getProperty("java.home")),
                Runtime.version().feature(), Path.of("/usr/lib/jvm"));
    }

    /**
     * Returns the {@code java} executable of a Java 21+ home.
     *
     * @throws LocalStackException "Apicurio Registry needs Java 21+; looked in: ..." listing each place and
     *     the version found there
     */
    Path locateJava(Optional<Path> configuredHome) {
        final List<String> lookedIn = new ArrayList<>();
        final Optional<Path> explicit = configuredHome.or(() -> envPath(JAVA_HOME_ENV));
        if (explicit.isPresent()) {
            return accept(explicit.get(), lookedIn).orElseThrow(() -> notFound(lookedIn));
        }
        if (currentFeatureVersion >= REQUIRED_FEATURE_VERSION && Files.isExecutable(javaIn(currentJavaHome))) {
            return javaIn(currentJavaHome);
        }
        lookedIn.add(currentJavaHome + " (the running JVM, Java " + currentFeatureVersion + ")");
        for (Path candidate : autoCandidates()) {
            final Optional<Path> java = accept(candidate, lookedIn);
            if (java.isPresent()) {
                return java.get();
            }
        }
        throw notFound(lookedIn);
    }

    private List<Path> autoCandidates() {
        final List<Path> candidates = new ArrayList<>();
        envPath("JAVA_HOME").ifPresent(candidates::add);
        if (Files.isDirectory(jvmRoot)) {
            try (Stream<Path> homes = Files.list(jvmRoot)) {
                homes.filter(Files::isDirectory)
                        .sorted(Comparator.comparingInt((Path home) -> featureVersion(home).orElse(0)).reversed()
                                .thenComparing(Path::toString))
                        .forEach(candidates::add);
            } catch (IOException e) {
                candidates.add(jvmRoot);
            }
        } else {
            candidates.add(jvmRoot);
        }
        return candidates;
    }

    private Optional<Path> accept(Path home, List<String> lookedIn) {
        final OptionalInt version = featureVersion(home);
        final Path java = javaIn(home);
        if (version.isPresent() && version.getAsInt() >= REQUIRED_FEATURE_VERSION && Files.isExecutable(java)) {
            return Optional.of(java);
        }
        lookedIn.add(home + describe(version, java));
        return Optional.empty();
    }

    private static String describe(OptionalInt version, Path java) {
        if (version.isEmpty()) {
            return " (no readable JAVA_VERSION in its release file)";
        }
        return Files.isExecutable(java) ? " (Java " + version.getAsInt() + ")"
                : " (Java " + version.getAsInt() + ", but no executable " + java + ")";
    }

    /** The feature version (17, 21, 25...) from {@code <home>/release}; {@code 1.8.0_x} reads as 8. */
    static OptionalInt featureVersion(Path home) {
        final Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        final String raw = properties.getProperty("JAVA_VERSION");
        if (raw == null) {
            return OptionalInt.empty();
        }
        final String[] parts = raw.replace("\"", "").trim().split("[._+-]");
        try {
            final int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<Path> envPath(String name) {
        final String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }

    private static Path javaIn(Path home) {
        return home.resolve("bin").resolve("java");
    }

    private static LocalStackException notFound(List<String> lookedIn) {
        return new LocalStackException("Apicurio Registry needs Java " + REQUIRED_FEATURE_VERSION
                + "+; looked in: " + String.join("; ", lookedIn) + ". Install a JDK 21+ or point "
                + JAVA_HOME_ENV + " (or LocalStackConfig.registryJavaHome) at one.");
    }
}
