package io.xenpulse.probe.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the probe's producer: the operator's ({@code KAFKA_*}), completed with what delivery
 * depends on. Durability ({@code acks=all}, idempotence) and the delivery timeout cannot be overridden:
 * weakening them would lose observations or let a late one pass for live.
 */
public final class ProducerSettings {

    static final long SEND_BUFFER_BYTES = 4 * SpoolSender.MAX_BATCH_BYTES;

    private ProducerSettings() {
    }

    /**
     * The producer settings: the caller's, with the durability and timing settings delivery depends on.
     *
     * @throws IllegalArgumentException when the caller's settings try to weaken them
     */
    public static Map<String, Object> of(Map<String, Object> clientConfig, String clientId,
            String transactionalId, Duration deliveryTimeout) {
        requireUnset(clientConfig, ProducerConfig.ACKS_CONFIG, "all", "-1");
        requireUnset(clientConfig, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (clientConfig.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
            throw new IllegalArgumentException("the probe sets " + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG
                    + " itself from XENPULSE_REPLAY_AFTER (it bounds how late a live observation arrives)");
        }
        final long timeoutMs = deliveryTimeout.toMillis();
        final Object requestTimeout = clientConfig.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        if (requestTimeout != null && millis(requestTimeout) > timeoutMs) {
            throw new IllegalArgumentException(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG + " must not exceed the"
                    + " delivery timeout of " + timeoutMs + " ms (half of XENPULSE_REPLAY_AFTER)");
        }
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        // Bounds every blocking call (metadata, initTransactions, commit, abort), so a dead broker never
        // holds the deliverer longer than this.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        // Covers one batch (acknowledged within the delivery timeout, then committed). It is also how long a
        // probe that died mid-batch can hold back read_committed readers of its partition, so keep it short.
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(2 * timeoutMs, 1000));
        config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // One observation per interval: waiting to batch only delays it.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A batch holds at most SpoolSender.MAX_BATCH_BYTES; the 32 MiB default would be twice the probe's heap.
        config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, SEND_BUFFER_BYTES);
        // Neither a JMX metrics reporter nor client telemetry pushed to the broker: each keeps hundreds of classes
        // in a dom0 daemon's memory for ever. KAFKA_METRIC_REPORTERS / KAFKA_ENABLE_METRICS_PUSH bring them back.
        config.putIfAbsent(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        config.putIfAbsent(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        return config;
    }

    private static long millis(Object value) {
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG + " must be milliseconds, got '"
                    + value + "'", e);
        }
    }

    private static void requireUnset(Map<String, Object> config, String key, String... allowed) {
        final Object value = config.get(key);
        if (value == null) {
            return;
        }
        for (String ok : allowed) {
            if (Objects.equals(ok, value.toString().trim())) {
                return;
            }
        }
        throw new IllegalArgumentException("the probe's producer needs " + key + "=" + allowed[0]
                + " (observations must not be lost), got '" + value + "'");
    }
}
