package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.topics.XenTopics;
import io.xenpulse.testkit.SharedStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Our REST client against the real registry (Apicurio's Confluent-compatible API). */
class RestSchemaRegistryClientIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void shouldGiveSameIdWhenSameSchemaIsRegisteredTwice(TestInfo test) {
        // given: two clients, so the second answer comes from the registry, not a cache
        final String subject = stack.uniquePrefix(test.getDisplayName()) + "decisions-value";

        // when
        final int first = new RestSchemaRegistryClient(stack.registryUrl()).register(subject, Decision.getClassSchema());
        final int second = new RestSchemaRegistryClient(stack.registryUrl()).register(subject, Decision.getClassSchema());

        // then
        assertThat(second).isEqualTo(first);
        assertThat(new RestSchemaRegistryClient(stack.registryUrl()).schemaById(first))
                .isEqualTo(Decision.getClassSchema());
        assertThat(new RestSchemaRegistryClient(stack.registryUrl()).idOf(subject, Decision.getClassSchema()))
                .isEqualTo(first);
    }

    @Test
    void shouldAcceptBackwardCompatibleChangeAndRejectIncompatibleOneClearly(TestInfo test) throws Exception {
        // given: version 1 registered, and the subject set to BACKWARD compatibility
        final String subject = stack.uniquePrefix(test.getDisplayName()) + "decisions-value";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.registryUrl());
        final int v1 = client.register(subject, Decision.getClassSchema());
        setCompatibility(subject, "BACKWARD");

        // when: a new field with a default is added
        final int v2 = client.register(subject, withNewField(Decision.getClassSchema(), "site", true));

        // then: accepted as a new version; a new field without a default is refused
        assertThat(v2).isNotEqualTo(v1);
        assertThatThrownBy(() -> client.register(subject, withNewField(Decision.getClassSchema(), "rack", false)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("refused to register schema io.xenpulse.schemas.decision.Decision")
                .hasMessageContaining(subject)
                .hasMessageContaining("HTTP 409")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).hasValue(409))
                .message().containsIgnoringCase("incompatible");
    }

    @Test
    void shouldPutEveryXenpulseSubjectUnderBackwardCompatibility(TestInfo test) {
        // given
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.registryUrl());
        final XenTopics topics = XenTopics.create(stack.uniquePrefix(test.getDisplayName()),
                RegistrySerdeFactory.fromConfig(Map.of("schema.registry.url", stack.registryUrl())));
        final String subject = topics.observations().name() + "-value";
        client.register(subject, NodeObservation.getClassSchema());

        // when
        final List<String> configured = SubjectCompatibility.requireBackward(client, topics);

        // then: a new field without a default could not read old records, so it is refused
        assertThat(configured).contains(subject).hasSize(5);
        assertThatThrownBy(() -> client.register(subject, withNewField(NodeObservation.getClassSchema(), "rack", false)))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 409");
        assertThat(client.register(subject, withNewField(NodeObservation.getClassSchema(), "rack", true))).isPositive();
    }

    @Test
    void shouldFailFastAndClearlyWhenRegistryIsUnreachable() throws IOException {
        // given: a port nobody listens on, and credentials in the URL that must not leak
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientSettings.fromConfig(
                Map.of("schema.registry.url", "http://svc:topsecret@127.0.0.1:" + closedPort + "/apis/ccompat/v7")));
        final long start = System.nanoTime();

        // then
        assertThatThrownBy(() -> client.register("t-value", Decision.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema registry unreachable at http://127.0.0.1:" + closedPort + "/apis/ccompat/v7")
                .hasMessageContaining("ConnectException")
                .message().doesNotContain("topsecret");
        // Refused connections must not wait for timeouts or retry forever.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldReportUnknownSchemaIdClearly() {
        // given
        final int unknownId = 987_654_321;
        final SpecificAvroDeserializer<Decision> deserializer = new SpecificAvroDeserializer<>(
                new RestSchemaRegistryClient(stack.registryUrl()), Decision.class);
        final byte[] payload = {0, 0x3a, (byte) 0xde, 0x68, (byte) 0xb1, 2, 'x'};

        // then
        assertThatThrownBy(() -> deserializer.deserialize("any-topic", payload))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("fetch schema id " + unknownId)
                .hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).hasValue(40403));
    }

    @Test
    void shouldRefuseToSerializeUnregisteredSchemaWhenAutoRegisterIsOff(TestInfo test) {
        // given
        final String topic = stack.uniquePrefix(test.getDisplayName()) + "decisions";
        final SpecificAvroSerializer<Decision> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.registryUrl(), "auto.register.schemas", "false"),
                false);

        // then
        assertThatThrownBy(() -> serializer.serialize(topic, SampleRecords.decision()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining("HTTP 404");
    }

    private void setCompatibility(String subject, String level) {
        new RestSchemaRegistryClient(stack.registryUrl()).setCompatibility(subject, level);
    }

    private static Schema withNewField(Schema schema, String name, boolean withDefault) {
        final List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(withDefault
                ? new Schema.Field(name, Schema.create(Schema.Type.STRING), null, "")
                : new Schema.Field(name, Schema.create(Schema.Type.STRING)));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
