package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.topics.XenTopics;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrySerdeFactoryTest {

    private static final String SCOPE = "registry-serde-factory-test";
    private static final String MOCK_URL = "mock://" + SCOPE;

    @AfterEach
    void forgetMockRegistry() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void shouldMakeOurSerdeSharingTheScopedInMemoryRegistryByDefault() {
        // given
        final RegistrySerdeFactory factory = RegistrySerdeFactory.fromConfig(
                Map.of(PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL));
        final XenTopics topics = XenTopics.create("t-", factory);

        // when
        final byte[] bytes = topics.decisions().valueSerde().serializer()
                .serialize(topics.decisions().name(), SampleRecords.decision());
        final Decision read = RegistrySerdeFactory.fromConfig(Map.of(PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL))
                .valueSerde(Decision.class).deserializer().deserialize(topics.decisions().name(), bytes);

        // then
        assertThat(topics.decisions().valueSerde()).isInstanceOf(SpecificAvroSerde.class);
        assertThat(read).isEqualTo(SampleRecords.decision());
        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).versions("t-xen-decisions-value"))
                .containsExactly(Decision.getClassSchema());
    }

    @Test
    void shouldInstantiateAndConfigureTheSerdeClassNamedByConfiguration() {
        // given
        final RegistrySerdeFactory factory = RegistrySerdeFactory.fromConfig(Map.of(
                PipelineConnection.SERDE_REGISTRY_URL, "http://registry.example:8081",
                PipelineConnection.SERDE_CLASS, RecordingSerde.class.getName(),
                "basic.auth.user.info", "svc:pw"));

        // when
        final Serde<Decision> serde = factory.valueSerde(Decision.class);

        // then
        assertThat(serde).isInstanceOf(RecordingSerde.class);
        final RecordingSerde recording = (RecordingSerde) (Object) serde;
        assertThat(recording.isKey()).isFalse();
        assertThat(recording.configs())
                .containsEntry("schema.registry.url", "http://registry.example:8081")
                .containsEntry("basic.auth.user.info", "svc:pw")
                .containsEntry("specific.avro.reader", true);
        assertThat(factory.toString()).doesNotContain("svc:pw");
    }

    @Test
    void shouldGiveEachTopicItsOwnInstanceOfTheNamedSerde() {
        // given
        final RegistrySerdeFactory factory = RegistrySerdeFactory.fromConfig(Map.of(
                PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL,
                PipelineConnection.SERDE_CLASS, RecordingSerde.class.getName()));

        // then
        assertThat(factory.valueSerde(Decision.class)).isNotSameAs(factory.valueSerde(Decision.class));
    }

    @Test
    void shouldRefuseSerdeClassThatIsNotOnTheClasspath() {
        assertThatThrownBy(() -> RegistrySerdeFactory.fromConfig(Map.of(
                PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL,
                PipelineConnection.SERDE_CLASS, "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(PipelineConnection.SERDE_CLASS)
                .hasMessageContaining("io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde")
                .hasMessageContaining("not found on the classpath");
    }

    @Test
    void shouldRefuseSerdeClassThatIsNotASerde() {
        assertThatThrownBy(() -> RegistrySerdeFactory.fromConfig(Map.of(
                PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL,
                PipelineConnection.SERDE_CLASS, String.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("does not implement org.apache.kafka.common.serialization.Serde");
    }

    @Test
    void shouldRefuseSerdeClassWithoutNoArgConstructor() {
        assertThatThrownBy(() -> RegistrySerdeFactory.fromConfig(Map.of(
                PipelineConnection.SERDE_REGISTRY_URL, MOCK_URL,
                PipelineConnection.SERDE_CLASS, RecordingSerdeWithoutDefaultConstructor.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no public no-arg constructor");
    }

    @Test
    void shouldRequireTheRegistryUrl() {
        assertThatThrownBy(() -> RegistrySerdeFactory.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
