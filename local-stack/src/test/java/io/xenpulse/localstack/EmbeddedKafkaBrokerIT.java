package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker alone: log-dir reuse and the transactions exactly_once_v2 applications depend on. */
class EmbeddedKafkaBrokerIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path logDir;

    @Test
    void shouldReuseAFormattedLogDirInsteadOfReformattingIt() throws Exception {
        // given
        final String clusterId;
        final int port;
        final long startNanos = System.nanoTime();
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDir, 0, TIMEOUT)) {
            LOG.info("MEASURED fresh broker start-up (format + start): {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            KafkaRoundTrip.produce(first.bootstrapServers(), "it-reuse", "k", "kept");
            clusterId = first.clusterId();
            port = first.port();
        }

        // when
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(logDir, port, TIMEOUT)) {
            final List<ConsumerRecord<String, String>> records =
                    KafkaRoundTrip.consume(second.bootstrapServers(), "it-reuse", 1, READ_TIMEOUT);

            // then
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("kept");
        }
    }

    @Test
    void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers() throws Exception {
        // given
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0, TIMEOUT);
             KafkaProducer<String, String> producer = transactionalProducer(broker.bootstrapServers())) {
            producer.initTransactions();

            // when
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("it-tx", "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("it-tx", "k", "committed"));
            producer.commitTransaction();
            final List<ConsumerRecord<String, String>> records =
                    KafkaRoundTrip.consume(broker.bootstrapServers(), "it-tx", 1, READ_TIMEOUT, "read_committed");

            // then
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
        }
    }

    @Test
    void shouldLeaveNoServerThreadsWhenKafkaItselfFailsToBind() throws Exception {
        // given: the pre-check sees a free client port, but the controller listener is pointed at a taken one
        final Set<Thread> baseline = Threads.nonDaemon();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            final int taken = squatter.getLocalPort();
            final int port = Ports.pickFree();
            final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, port, Map.of(
                    "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + taken,
                    "controller.quorum.voters", "1@127.0.0.1:" + taken), TIMEOUT);

            // when / then
            assertThatThrownBy(broker::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining(Integer.toString(taken));
            assertThat(broker.isRunning()).isFalse();
        }
        assertThat(Threads.leakedSince(baseline, Duration.ofSeconds(10))).isEmpty();
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx-producer",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }
}
