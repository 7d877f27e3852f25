package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.observation.NodeObservation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    private static final String TOPIC = "xen-observations";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SpecificAvroSerde<NodeObservation> serde = new SpecificAvroSerde<>(registry, NodeObservation.class);

    @Test
    void shouldFrameAvroBodyWithMagicByteAndRegisteredSchemaId() {
        // given
        final NodeObservation observation = SampleRecords.observation();

        // when
        final byte[] bytes = serde.serializer().serialize(TOPIC, observation);

        // then
        final int id = registry.idOf(TOPIC + "-value", NodeObservation.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(observation);
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenConfiguredAsKeySerde() {
        // given
        final SpecificAvroSerializer<NodeObservation> keySerializer = new SpecificAvroSerializer<>(registry);
        keySerializer.configure(Map.of(), true);

        // when
        keySerializer.serialize(TOPIC, SampleRecords.observation());

        // then
        assertThat(registry.versions(TOPIC + "-key")).containsExactly(NodeObservation.getClassSchema());
        assertThat(registry.versions(TOPIC + "-value")).isEmpty();
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRejectEmptyPayload() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("empty payload");
    }

    @Test
    void shouldRejectPayloadShorterThanHeader() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated header: 3 bytes");
    }

    @Test
    void shouldRejectWrongMagicByteNamingTheByteFound() {
        // given: a plain string, as a StringSerializer would have written it
        final byte[] notWireFormat = "{\"cluster\":\"c1\"}".getBytes(StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, notWireFormat))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void shouldRejectUnknownSchemaIdWithRegistryError() {
        // given
        final byte[] unknownId = {0, 0, 0, 3, (byte) 0xe7, 2, 'c'};

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, unknownId))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("id 999")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).hasValue(40403));
    }

    @Test
    void shouldRejectTruncatedAvroBody() {
        // given
        final byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.observation());
        final byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated or garbled Avro body");
    }

    @Test
    void shouldRejectBodyWithBytesLeftOverAfterTheRecord() {
        // given
        final byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.observation());
        final byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void shouldRejectGarbledBodyWithoutCrashing() {
        // given: a header naming a real schema, followed by a negative string length
        final byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.observation());
        final byte[] garbled = Arrays.copyOf(bytes, bytes.length);
        garbled[ConfluentWireFormat.HEADER_SIZE] = 0x01;

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, garbled))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id");
    }

    @Test
    void shouldNotPutPayloadBytesInErrorMessages() {
        // given
        final byte[] secretPayload = "password=hunter2".getBytes(StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, secretPayload))
                .isInstanceOf(SerializationException.class)
                .message().doesNotContain("hunter2");
    }
}
