package io.xenpulse.actuator.kafka;

import io.xenpulse.actuator.ActuatorConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client settings of the actuator: operator overrides (each client gets only the ones it
 * knows), then the settings its guarantees depend on, which always win.
 *
 * <p>Clients read and write raw bytes; values are (de)serialised by the topic serdes in our own code, so
 * a record that cannot be read is a dead letter rather than an exception inside {@code poll}.
 */
final class ClientSettings {

    private ClientSettings() {
    }

    /** The command consumer: read_committed (the correlator writes transactionally), manual commits. */
    static Map<String, Object> commandConsumer(ActuatorConfig config, String clientId) {
        final Map<String, Object> settings = base(config, ConsumerConfig.configNames());
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-commands");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        bytesIn(settings);
        return settings;
    }

    /** The result-history reader: no group, every partition assigned, read from the beginning. */
    static Map<String, Object> historyConsumer(ActuatorConfig config, String clientId) {
        final Map<String, Object> settings = base(config, ConsumerConfig.configNames());
        settings.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-history");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        bytesIn(settings);
        return settings;
    }

    /** The result and dead-letter producer: idempotent, acks=all, no batching delay by default. */
    static Map<String, Object> producer(ActuatorConfig config, String clientId) {
        final Map<String, Object> settings = base(config, ProducerConfig.configNames());
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-results");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    private static Map<String, Object> base(ActuatorConfig config, Set<String> known) {
        final Map<String, Object> settings = new HashMap<>();
        config.connection().clientConfig().forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static void bytesIn(Map<String, Object> settings) {
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
}
