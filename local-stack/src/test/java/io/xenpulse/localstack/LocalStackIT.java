package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole stack with the demo's settings (kafkasql storage), started once for these tests. */
class LocalStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackIT.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"at\",\"type\":\"long\"}]}";

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        final long startNanos = System.nanoTime();
        stack = LocalStack.start(LocalStackConfig.builder()
                .dataDir(dataDir)
                .registryStorage(RegistryStorage.KAFKASQL)
                .build());
        LOG.info("MEASURED local stack (kafkasql) start-up: {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack.close();
        }
    }

    @Test
    void shouldConsumeBackARecordProducedWithAcksAll() throws Exception {
        // given
        assertThat(stack.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        final String topic = "it-roundtrip";

        // when
        KafkaRoundTrip.produce(stack.bootstrapServers(), topic, "cluster-a", "hello");
        final List<ConsumerRecord<String, String>> records =
                KafkaRoundTrip.consume(stack.bootstrapServers(), topic, 1, READ_TIMEOUT);

        // then
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("cluster-a", "hello"));
    }

    @Test
    void shouldServeTheSameSchemaUnderTheSameIdAfterARegistryRestart() throws Exception {
        // given
        assertThat(stack.registryUrl()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
        final SchemaRegistryHttp registry = new SchemaRegistryHttp(stack.registryUrl());
        final int id = registry.register("t-value", SCHEMA);

        // when
        stack.stopRegistry();
        final long startNanos = System.nanoTime();
        stack.startRegistry();
        LOG.info("MEASURED registry (kafkasql) restart: {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        final HttpResponse<String> response = registry.schemaById(id);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Ping").contains("\\\"at\\\"");
        assertThat(registry.register("t-value", SCHEMA)).isEqualTo(id);
    }

    @Test
    void shouldKeepRecordsAcrossABrokerRestart() throws Exception {
        // given
        final String topic = "it-broker-restart";
        KafkaRoundTrip.produce(stack.bootstrapServers(), topic, "k", "before");
        final String bootstrapBefore = stack.bootstrapServers();

        // when
        stack.stopBroker();
        final long startNanos = System.nanoTime();
        stack.startBroker();
        LOG.info("MEASURED broker restart: {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        KafkaRoundTrip.produce(stack.bootstrapServers(), topic, "k", "after");
        final List<ConsumerRecord<String, String>> records =
                KafkaRoundTrip.consume(stack.bootstrapServers(), topic, 2, READ_TIMEOUT);

        // then
        assertThat(stack.bootstrapServers()).isEqualTo(bootstrapBefore);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("before", "after");
    }
}
