package io.xenpulse.probe;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a probe's observations to the observations topic, keyed by cluster id (DESIGN §4), with an
 * idempotent {@code acks=all} producer so that nothing acknowledged is lost or duplicated (invariant 8).
 * Delivery failures are logged with topic and partition, never with the observation itself.
 */
public final class ObservationPublisher implements ObservationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final Producer<String, NodeObservation> producer;

    /**
     * @param clientConfig bootstrap servers and the operator's overrides ({@code PipelineConnection.clientConfig()})
     * @param clientId names this probe in the broker's logs and metrics
     * @throws IllegalArgumentException when the overrides try to weaken acks or idempotence
     */
    public ObservationPublisher(Topic<String, NodeObservation> topic, Map<String, Object> clientConfig,
            String clientId) {
        this.topic = topic.name();
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, clientId),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** The producer settings: the caller's, with the durability settings this publisher depends on. */
    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, String clientId) {
        requireUnset(clientConfig, ProducerConfig.ACKS_CONFIG, "all", "-1");
        requireUnset(clientConfig, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // One observation per interval: waiting to batch only delays it.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    @Override
    public void publish(NodeObservation observation) {
        final ProducerRecord<String, NodeObservation> record =
                new ProducerRecord<>(topic, observation.getCluster(), observation);
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                logFailure(observation, metadata, failure);
            }
        });
    }

    /** Waits until every observation handed over so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private void logFailure(NodeObservation observation, RecordMetadata metadata, Exception failure) {
        final int partition = metadata == null ? RecordMetadata.UNKNOWN_PARTITION : metadata.partition();
        LOG.warn("observation of node {} sequence {} not delivered to {} partition {}: {}",
                observation.getNode(), observation.getSequence(), topic, partition, failure.toString());
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
