package io.xenpulse.actuator;

import io.xenpulse.actuator.execution.DryRunExecutor;
import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.config.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The actuator's settings, read from environment-style keys, validated and immutable.
 *
 * <ul>
 *   <li>the {@link PipelineConnection} keys ({@code XENPULSE_BOOTSTRAP_SERVERS}, ...; {@code KAFKA_*} may
 *       name any consumer or producer setting except the ones safety depends on, listed in
 *       {@link #PROTECTED_KAFKA_SETTINGS})</li>
 *   <li>{@code XENPULSE_ACTUATOR_GROUP}: consumer group of the command consumer (default
 *       {@code xenpulse-actuator})</li>
 *   <li>{@code XENPULSE_ACTION_TIMEOUT}: timeout of each executor attempt (default 60s)</li>
 *   <li>{@code XENPULSE_ACTUATOR_POWER_CHECK_TIMEOUT}: how long a power device may take to say whether a
 *       fenced node is still OFF before a VM is started elsewhere; no answer in time refuses the start
 *       (default 20s, fence agents' power_timeout)</li>
 *   <li>{@code XENPULSE_ACTUATOR_MEMORY_RETENTION}: how long executed command ids are remembered; commands
 *       expiring further ahead are rejected (default 1h)</li>
 *   <li>{@code XENPULSE_ACTUATOR_HISTORY_TIMEOUT}: longest wait for reading the result history at start
 *       and on partition assignment (default 2m)</li>
 *   <li>{@code XENPULSE_ACTUATOR_EXECUTOR}: which executor {@link ActuatorMain} uses (default and only
 *       value for now: {@code dry-run})</li>
 * </ul>
 * Unknown {@code XENPULSE_ACTUATOR_*} keys fail at start-up, like unknown {@code KAFKA_*} keys.
 */
public record ActuatorConfig(
        PipelineConnection connection,
        String groupId,
        Duration actionTimeout,
        Duration memoryRetention,
        Duration historyTimeout,
        Duration powerCheckTimeout,
        String executor) {

    public static final String GROUP = "XENPULSE_ACTUATOR_GROUP";
    public static final String ACTION_TIMEOUT = "XENPULSE_ACTION_TIMEOUT";
    public static final String MEMORY_RETENTION = "XENPULSE_ACTUATOR_MEMORY_RETENTION";
    public static final String HISTORY_TIMEOUT = "XENPULSE_ACTUATOR_HISTORY_TIMEOUT";
    public static final String POWER_CHECK_TIMEOUT = "XENPULSE_ACTUATOR_POWER_CHECK_TIMEOUT";
    public static final String EXECUTOR = "XENPULSE_ACTUATOR_EXECUTOR";

    public static final String DEFAULT_GROUP = "xenpulse-actuator";
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MEMORY_RETENTION = Duration.ofHours(1);
    public static final Duration DEFAULT_HISTORY_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_POWER_CHECK_TIMEOUT = Duration.ofSeconds(20);

    /** Client settings the actuator's guarantees rest on; an override of one fails at start-up. */
    public static final Set<String> PROTECTED_KAFKA_SETTINGS = Set.of(
            ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

    private static final String OWN_PREFIX = "XENPULSE_ACTUATOR_";
    private static final Set<String> OWN_KEYS = Set.of(GROUP, MEMORY_RETENTION, HISTORY_TIMEOUT, POWER_CHECK_TIMEOUT,
            EXECUTOR);

    public ActuatorConfig {
        Objects.requireNonNull(connection, "connection");
        requirePositive(ACTION_TIMEOUT, actionTimeout);
        requirePositive(MEMORY_RETENTION, memoryRetention);
        requirePositive(HISTORY_TIMEOUT, historyTimeout);
        requirePositive(POWER_CHECK_TIMEOUT, powerCheckTimeout);
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException(GROUP + " must not be blank");
        }
        if (memoryRetention.compareTo(actionTimeout) <= 0) {
            throw new IllegalArgumentException(MEMORY_RETENTION + " (" + memoryRetention
                    + ") must be longer than " + ACTION_TIMEOUT + " (" + actionTimeout + ")");
        }
        for (String setting : connection.kafkaOverrides().keySet()) {
            if (PROTECTED_KAFKA_SETTINGS.contains(setting)) {
                throw new IllegalArgumentException("Kafka setting '" + setting
                        + "' cannot be overridden: the actuator's delivery guarantees depend on it");
            }
        }
    }

    /** Reads and validates the settings; every error names its key. */
    public static ActuatorConfig fromMap(Map<String, String> env) {
        for (String key : env.keySet()) {
            if (key.startsWith(OWN_PREFIX) && !OWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting " + key + "; known: " + OWN_KEYS);
            }
        }
        final Settings settings = new Settings(env);
        final Set<String> clientSettings = new HashSet<>(ConsumerConfig.configNames());
        clientSettings.addAll(ProducerConfig.configNames());
        return new ActuatorConfig(
                PipelineConnection.fromMap(env, clientSettings),
                settings.string(GROUP, DEFAULT_GROUP),
                settings.duration(ACTION_TIMEOUT, DEFAULT_ACTION_TIMEOUT),
                settings.duration(MEMORY_RETENTION, DEFAULT_MEMORY_RETENTION),
                settings.duration(HISTORY_TIMEOUT, DEFAULT_HISTORY_TIMEOUT),
                settings.duration(POWER_CHECK_TIMEOUT, DEFAULT_POWER_CHECK_TIMEOUT),
                settings.string(EXECUTOR, DryRunExecutor.NAME));
    }

    private static void requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
