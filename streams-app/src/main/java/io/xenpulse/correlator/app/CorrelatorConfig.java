package io.xenpulse.correlator.app;

import io.xenpulse.correlator.rules.CorrelatorPolicy;
import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.config.Settings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Typed, validated configuration of the correlator (streams-app), read from environment-style keys. Secrets
 * among the Kafka overrides are masked by {@link PipelineConnection#toString()}.
 *
 * <p>Keys: the {@link PipelineConnection} ones, plus {@code XENPULSE_APPLICATION_ID} (default
 * {@code xenpulse-correlator}), {@code XENPULSE_STATE_DIR}, {@code XENPULSE_STREAM_THREADS} (1),
 * {@code XENPULSE_REPLICATION_FACTOR} (-1: the broker's default), {@code XENPULSE_TICK_INTERVAL} (1s), and the
 * ladder's timings {@code XENPULSE_DAEMON_GRACE} (15s), {@code XENPULSE_RESTART_VERIFY_TIMEOUT} (15s),
 * {@code XENPULSE_RESTART_RETRY_DELAY} (5s), {@code XENPULSE_MAX_RESTART_ATTEMPTS} (3),
 * {@code XENPULSE_NODE_SILENT_AFTER} (15s), {@code XENPULSE_NODE_LOST_AFTER} (30s),
 * {@code XENPULSE_MAX_FENCE_ATTEMPTS} (3), {@code XENPULSE_COMMAND_TTL} (60s), {@code XENPULSE_FENCE_TTL} (120s),
 * {@code XENPULSE_OBSERVATION_MAX_LAG} (10s; half of XENPULSE_NODE_SILENT_AFTER when that is 10s or less).
 */
public record CorrelatorConfig(
        PipelineConnection connection,
        String applicationId,
        String stateDir,
        int streamThreads,
        int replicationFactor,
        Duration tickInterval,
        CorrelatorPolicy policy) {

    public static CorrelatorConfig fromMap(Map<String, String> env) {
        final Settings settings = new Settings(env);
        final CorrelatorPolicy defaults = CorrelatorPolicy.defaults();
        final Duration silentAfter = settings.duration("XENPULSE_NODE_SILENT_AFTER", defaults.nodeSilentAfter());
        final CorrelatorPolicy policy = new CorrelatorPolicy(
                settings.duration("XENPULSE_DAEMON_GRACE", defaults.daemonGrace()),
                settings.duration("XENPULSE_RESTART_VERIFY_TIMEOUT", defaults.restartVerifyTimeout()),
                settings.duration("XENPULSE_RESTART_RETRY_DELAY", defaults.restartRetryDelay()),
                settings.integer("XENPULSE_MAX_RESTART_ATTEMPTS", defaults.maxRestartAttempts()),
                silentAfter,
                settings.duration("XENPULSE_NODE_LOST_AFTER", defaults.nodeLostAfter()),
                settings.integer("XENPULSE_MAX_FENCE_ATTEMPTS", defaults.maxFenceAttempts()),
                settings.duration("XENPULSE_COMMAND_TTL", defaults.commandTtl()),
                settings.duration("XENPULSE_FENCE_TTL", defaults.fenceTtl()),
                settings.duration("XENPULSE_OBSERVATION_MAX_LAG", defaultMaxLag(defaults, silentAfter)),
                settings.integer("XENPULSE_VM_MAX_FAILURES", CorrelatorPolicy.DEFAULT_VM_MAX_FAILURES),
                settings.duration("XENPULSE_VM_FAILURE_WINDOW", CorrelatorPolicy.DEFAULT_VM_FAILURE_WINDOW));
        final Duration tick = settings.duration("XENPULSE_TICK_INTERVAL", Duration.ofSeconds(1));
        if (tick.isZero()) {
            throw new IllegalArgumentException("XENPULSE_TICK_INTERVAL must be positive");
        }
        if (tick.compareTo(policy.observationMaxLag()) >= 0) {
            // a gap between two ticks that long reads as the correlator's own outage, every time
            throw new IllegalArgumentException("XENPULSE_TICK_INTERVAL (" + tick + ") must be shorter than"
                    + " XENPULSE_OBSERVATION_MAX_LAG (" + policy.observationMaxLag() + ")");
        }
        return new CorrelatorConfig(
                PipelineConnection.fromMap(env, knownKafkaSettings()),
                settings.string("XENPULSE_APPLICATION_ID", "xenpulse-correlator"),
                settings.string("XENPULSE_STATE_DIR", System.getProperty("java.io.tmpdir") + "/xenpulse-streams"),
                settings.integer("XENPULSE_STREAM_THREADS", 1),
                settings.integer("XENPULSE_REPLICATION_FACTOR", -1),
                tick,
                policy);
    }

    /** 10 s, or half the silence for a cluster that declares nodes silent after 10 s or less. */
    private static Duration defaultMaxLag(CorrelatorPolicy defaults, Duration silentAfter) {
        return defaults.observationMaxLag().compareTo(silentAfter) < 0 ? defaults.observationMaxLag()
                : silentAfter.dividedBy(2);
    }

    /** Kafka Streams settings: exactly-once, dead-lettering of unreadable records, fast commits. */
    public Properties streamsProperties(String deadLetterTopic) {
        final Properties props = new Properties();
        props.putAll(connection.clientConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        props.putAll(connection.kafkaOverrides());
        return props;
    }

    private static Set<String> knownKafkaSettings() {
        final Set<String> known = new HashSet<>(StreamsConfig.configDef().names());
        known.addAll(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        return known;
    }
}
