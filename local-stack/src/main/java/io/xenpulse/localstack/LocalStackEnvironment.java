package io.xenpulse.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link LocalStackConfig} from environment-style keys. The defaults suit a person running the stack
 * by hand: fixed well-known ports and a persistent data directory, so clients configured once keep working
 * and schema ids survive restarts.
 *
 * <ul>
 *   <li>{@code XENPULSE_STACK_BROKER_PORT} (default 9092)</li>
 *   <li>{@code XENPULSE_STACK_REGISTRY_PORT} (default 8081)</li>
 *   <li>{@code XENPULSE_STACK_REGISTRY_MANAGEMENT_PORT} (default 9001; serves {@code /health/ready})</li>
 *   <li>{@code XENPULSE_STACK_DATA_DIR} (default {@code ~/.local/share/xenpulse/local-stack})</li>
 *   <li>{@code XENPULSE_STACK_REGISTRY_STORAGE} ({@code kafkasql} (default) or {@code in_memory})</li>
 *   <li>{@code XENPULSE_STACK_REGISTRY_HOME}, {@code XENPULSE_STACK_REGISTRY_JAVA_HOME} (default: searched)</li>
 *   <li>{@code XENPULSE_STACK_STARTUP_TIMEOUT} (default 120s; {@code 90}, {@code 90s}, {@code 2m} or
 *       {@code PT2M})</li>
 * </ul>
 * A port of 0 picks a free one.
 */
final class LocalStackEnvironment {

    static final String PREFIX = "XENPULSE_STACK_";
    static final String BROKER_PORT = PREFIX + "BROKER_PORT";
    static final String REGISTRY_PORT = PREFIX + "REGISTRY_PORT";
    static final String REGISTRY_MANAGEMENT_PORT = PREFIX + "REGISTRY_MANAGEMENT_PORT";
    static final String DATA_DIR = PREFIX + "DATA_DIR";
    static final String REGISTRY_STORAGE = PREFIX + "REGISTRY_STORAGE";
    static final String REGISTRY_HOME = PREFIX + "REGISTRY_HOME";
    static final String REGISTRY_JAVA_HOME = PREFIX + "REGISTRY_JAVA_HOME";
    static final String STARTUP_TIMEOUT = PREFIX + "STARTUP_TIMEOUT";

    private static final Set<String> KNOWN = Set.of(BROKER_PORT, REGISTRY_PORT, REGISTRY_MANAGEMENT_PORT,
            DATA_DIR, REGISTRY_STORAGE, REGISTRY_HOME, REGISTRY_JAVA_HOME, STARTUP_TIMEOUT);

    private LocalStackEnvironment() {
    }

    static LocalStackConfig read(Map<String, String> env) {
        rejectUnknownKeys(env);
        final LocalStackConfig.Builder builder = LocalStackConfig.builder()
                .brokerPort(port(env, BROKER_PORT, 9092))
                .registryHttpPort(port(env, REGISTRY_PORT, 8081))
                .registryManagementPort(port(env, REGISTRY_MANAGEMENT_PORT, 9001))
                .dataDir(path(env, DATA_DIR, defaultDataDir()))
                .registryStorage(RegistryStorage.parse(env.getOrDefault(REGISTRY_STORAGE, "kafkasql")))
                .registryHome(path(env, REGISTRY_HOME, null))
                .registryJavaHome(path(env, REGISTRY_JAVA_HOME, null));
        final String timeout = value(env, STARTUP_TIMEOUT);
        if (timeout != null) {
            builder.startupTimeout(duration(STARTUP_TIMEOUT, timeout));
        }
        return builder.build();
    }

    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".local", "share", "xenpulse", "local-stack");
    }

    /** Accepts whole seconds ({@code 90}), a number with s/m/h, or an ISO-8601 duration. */
    static Duration duration(String key, String text) {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (trimmed.startsWith("pt")) {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
            if (trimmed.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
            }
            final char unit = trimmed.charAt(trimmed.length() - 1);
            final String number = Character.isDigit(unit) ? trimmed : trimmed.substring(0, trimmed.length() - 1);
            final long amount = Long.parseLong(number);
            return switch (unit) {
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Character.isDigit(unit) || unit == 's' ? Duration.ofSeconds(amount) : invalid(key, text);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return invalid(key, text);
        }
    }

    private static Duration invalid(String key, String text) {
        throw new IllegalArgumentException(key + " is not a duration: '" + text + "' (examples: 90, 90s, 2m, PT2M)");
    }

    private static void rejectUnknownKeys(Map<String, String> env) {
        final Set<String> unknown = new TreeSet<>();
        for (String key : env.keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown local stack setting(s) " + unknown + "; known: "
                    + new TreeSet<>(KNOWN));
        }
    }

    private static int port(Map<String, String> env, String key, int defaultPort) {
        final String text = value(env, key);
        if (text == null) {
            return defaultPort;
        }
        try {
            final int port = Integer.parseInt(text.trim());
            Ports.requireValid(port, key);
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a port number: '" + text + "'", e);
        }
    }

    private static Path path(Map<String, String> env, String key, Path defaultPath) {
        final String text = value(env, key);
        return text == null ? defaultPath : Path.of(text.trim());
    }

    private static String value(Map<String, String> env, String key) {
        final String text = env.get(key);
        return text == null || text.isBlank() ? null : text;
    }
}
