package io.xenpulse.probe;

import io.xenpulse.probe.delivery.DeliverySettings;
import io.xenpulse.schemas.config.PipelineConnection;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A probe's typed, validated settings, read from environment-style keys:
 * <ul>
 *   <li>{@code XENPULSE_CLUSTER} (required): the cluster (failover domain) this node belongs to</li>
 *   <li>{@code XENPULSE_NODE} (required): this node's name as the inventory knows it</li>
 *   <li>{@code XENPULSE_PROBE_INTERVAL} (default {@code 5s}): ISO-8601 ({@code PT5S}) or a number with
 *       {@code ms}, {@code s}, {@code m} or {@code h}</li>
 *   <li>the delivery settings ({@link DeliverySettings}): {@code XENPULSE_SPOOL_DIR},
 *       {@code XENPULSE_SPOOL_MAX_BYTES}, {@code XENPULSE_SPOOL_MAX_AGE}, {@code XENPULSE_SPOOL_FLUSH_TIMEOUT},
 *       {@code XENPULSE_REPLAY_AFTER}</li>
 *   <li>plus the shared {@link PipelineConnection} keys; {@code KAFKA_*} must be producer settings</li>
 * </ul>
 * {@code toString} masks secrets (through {@link PipelineConnection#toString()}).
 */
public record ProbeConfig(String clusterId, String node, Duration interval, PipelineConnection connection,
        DeliverySettings delivery) {

    public static final String CLUSTER = "XENPULSE_CLUSTER";
    public static final String NODE = "XENPULSE_NODE";
    public static final String INTERVAL = "XENPULSE_PROBE_INTERVAL";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    public ProbeConfig {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(delivery, "delivery");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(INTERVAL + " must be positive, got " + interval);
        }
    }

    /** Settings with the default delivery: a temporary spool, the default limits and replay window. */
    public ProbeConfig(String clusterId, String node, Duration interval, PipelineConnection connection) {
        this(clusterId, node, interval, connection, DeliverySettings.defaults(interval));
    }

    /** @throws IllegalArgumentException naming every missing or invalid setting */
    public static ProbeConfig fromMap(Map<String, String> env) {
        final List<String> problems = new ArrayList<>();
        final String cluster = required(env, CLUSTER, problems);
        final String node = required(env, NODE, problems);
        Duration interval = DEFAULT_INTERVAL;
        try {
            interval = parseInterval(env.getOrDefault(INTERVAL, ""));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        final DeliverySettings delivery = DeliverySettings.fromMap(env, interval, problems);
        PipelineConnection connection = null;
        try {
            connection = PipelineConnection.fromMap(env, ProducerConfig.configNames());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid probe configuration: " + String.join("; ", problems));
        }
        return new ProbeConfig(cluster, node, interval, connection, delivery);
    }

    /** Parses {@code PT5S}, {@code 5s}, {@code 250ms}, {@code 1m}, {@code 1h}; blank means the default. */
    static Duration parseInterval(String text) {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return DEFAULT_INTERVAL;
        }
        final Duration parsed = value.startsWith("pt") ? parseIso(text.trim()) : parseShort(value, text);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException(INTERVAL + " must be positive, got '" + text + "'");
        }
        return parsed;
    }

    private static Duration parseIso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(INTERVAL + " is not a duration: '" + text + "'");
        }
    }

    private static Duration parseShort(String value, String original) {
        final Matcher matcher = SHORT_DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(INTERVAL + " is not a duration: '" + original
                    + "' (use e.g. 5s, 500ms, 1m or PT5S)");
        }
        final long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static String required(Map<String, String> env, String key, List<String> problems) {
        final String value = env.get(key);
        if (value == null || value.isBlank()) {
            problems.add("missing required setting " + key);
            return "";
        }
        return value.trim();
    }
}
