package io.xenpulse.probe;

import io.xenpulse.probe.delivery.DeliverySettings;
import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        if (text.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        final Duration parsed = Settings.parseDuration(INTERVAL, text);
        if (parsed.isZero()) {
            throw new IllegalArgumentException(INTERVAL + " must be positive, got '" + text + "'");
        }
        return parsed;
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
