package io.xenpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedStackIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldBeOneStackPerJvm() {
        assertThat(SharedStack.get()).isSameAs(SharedStack.get());
    }

    @Test
    void shouldGiveEveryTestItsOwnPrefix() {
        // given
        final SharedStack stack = SharedStack.get();

        // when
        final String first = stack.uniquePrefix("shouldDoThings");
        final String second = stack.uniquePrefix("shouldDoThings");
        final String odd = stack.uniquePrefix("Weird Name/With:Chars");

        // then
        assertThat(first).startsWith("it-shoulddothings-").endsWith("-").isNotEqualTo(second);
        assertThat(odd).matches("it-weird-name-with-chars-\\d+-");
    }

    @Test
    void shouldCreateTopicsAndRoundTripARecord() throws Exception {
        // given
        final SharedStack stack = SharedStack.get();
        final String topic = stack.uniquePrefix("roundTrip") + "events";

        // when
        stack.createTopics(List.of(topic), 3);
        produce(stack.bootstrapServers(), topic, "cluster-a", "hello");

        // then
        assertThat(partitionCount(stack.bootstrapServers(), topic)).isEqualTo(3);
        assertThat(consumeOne(stack.bootstrapServers(), topic)).isEqualTo("hello");
    }

    @Test
    void shouldToleratePreExistingTopics() {
        // given
        final SharedStack stack = SharedStack.get();
        final String topic = stack.uniquePrefix("twice") + "events";
        stack.createTopics(List.of(topic), 1);

        // when / then (no exception)
        stack.createTopics(List.of(topic), 1);
    }

    @Test
    void shouldHaveARegistryThatAnswersTheConfluentApi() throws Exception {
        // given
        final SharedStack stack = SharedStack.get();
        final HttpClient client = HttpClient.newHttpClient();

        // when
        final HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create(stack.registryUrl() + "/subjects")).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void shouldDeliverRecordsWrittenAfterABrokerRestart() throws Exception {
        // given
        final SharedStack stack = SharedStack.get();
        assumeThat(stack.isContainerBased()).as("broker restarts need the embedded stack").isFalse();
        final String topic = stack.uniquePrefix("restart") + "events";
        stack.createTopics(List.of(topic), 1);

        // when
        stack.stopBroker();
        stack.startBroker();
        produce(stack.bootstrapServers(), topic, "k", "after-restart");

        // then
        assertThat(consumeOne(stack.bootstrapServers(), topic)).isEqualTo("after-restart");
    }

    @Test
    void shouldExplainThatContainersCannotRestartTheBroker() {
        final SharedStack stack = SharedStack.get();
        assumeThat(stack.isContainerBased()).as("only meaningful with containers").isTrue();
        assertThatThrownBy(stack::stopBroker).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("embedded");
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String consumeOne(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final List<String> seen = new ArrayList<>();
            return Eventually.awaitValue(TIMEOUT, "a record on " + topic, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> seen.add(record.value()));
                return seen.stream().findFirst();
            });
        }
    }

    private static int partitionCount(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        }
    }
}
