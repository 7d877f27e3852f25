package io.xenpulse.probe.bench;

import io.xenpulse.probe.delivery.ProducerSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under any JVM probe that publishes with kafka-clients: a transactional producer with the probe's
 * own producer settings sending one observation-sized record every 5 s, and nothing else (no Avro, no
 * signals, no spool). {@code footprint.sh <seconds> --baseline} measures it in a JVM with the unit's options.
 */
public final class BareProducer {

    private static final int OBSERVATION_BYTES = 6_000;

    private BareProducer() {
    }

    public static void main(String[] args) throws InterruptedException {
        final Map<String, Object> config = ProducerSettings.of(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("XENPULSE_BOOTSTRAP_SERVERS")),
                "bare-producer", "xenpulse-bench-bare-producer", Duration.ofSeconds(5));
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            final byte[] observation = new byte[OBSERVATION_BYTES];
            while (!Thread.currentThread().isInterrupted()) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("xen-observations", "bench", observation));
                producer.commitTransaction();
                Thread.sleep(5_000);
            }
        }
    }
}
