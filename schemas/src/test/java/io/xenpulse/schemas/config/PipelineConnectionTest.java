package io.xenpulse.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineConnectionTest {

    private static final Set<String> PRODUCER_SETTINGS =
            Set.of("linger.ms", "ssl.keystore.password", "sasl.jaas.config", "security.protocol");

    private static Map<String, String> env(String... extra) {
        final Map<String, String> env = new HashMap<>();
        env.put(PipelineConnection.BOOTSTRAP_SERVERS, "broker:9092");
        env.put(PipelineConnection.SCHEMA_REGISTRY_URL, "http://registry:8081/apis/ccompat/v7");
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    @Test
    void shouldTranslateKafkaKeysIntoClientSettings() {
        // when
        final PipelineConnection connection = PipelineConnection.fromMap(
                env("KAFKA_LINGER_MS", "0", "PATH", "/usr/bin"), PRODUCER_SETTINGS);

        // then
        assertThat(connection.kafkaOverrides()).containsExactly(Map.entry("linger.ms", "0"));
        assertThat(connection.clientConfig())
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("linger.ms", "0");
    }

    @Test
    void shouldRejectKafkaKeyTheClientsDoNotKnow() {
        assertThatThrownBy(() -> PipelineConnection.fromMap(env("KAFKA_LINGER_MSS", "5"), PRODUCER_SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_LINGER_MSS")
                .hasMessageContaining("linger.mss");
    }

    @Test
    void shouldRequireBootstrapServers() {
        final Map<String, String> env = env();
        env.remove(PipelineConnection.BOOTSTRAP_SERVERS);

        assertThatThrownBy(() -> PipelineConnection.fromMap(env, PRODUCER_SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PipelineConnection.BOOTSTRAP_SERVERS);
    }

    @Test
    void shouldMaskSecretsInToString() {
        // given
        final PipelineConnection connection = PipelineConnection.fromMap(env(
                "KAFKA_SSL_KEYSTORE_PASSWORD", "s3cret-pw",
                "KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required password=\"jaas-pw\";",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), PRODUCER_SETTINGS);

        // when
        final String shown = connection.toString();

        // then
        assertThat(shown).doesNotContain("s3cret-pw").doesNotContain("jaas-pw")
                .contains("ssl.keystore.password=[hidden]")
                .contains("security.protocol=SASL_SSL");
    }

    @Test
    void shouldPassRegistryUrlAndSerdeClassToSerdes() {
        // when
        final Map<String, Object> serdeConfig = PipelineConnection.fromMap(
                env(PipelineConnection.VALUE_SERDE, "com.example.Serde"), PRODUCER_SETTINGS).serdeConfig();

        // then
        assertThat(serdeConfig)
                .containsEntry(PipelineConnection.SERDE_REGISTRY_URL, "http://registry:8081/apis/ccompat/v7")
                .containsEntry(PipelineConnection.SERDE_CLASS, "com.example.Serde");
    }

    @Test
    void shouldPassRegistryCredentialsToSerdesButNeverShowThem() {
        // when
        final PipelineConnection connection = PipelineConnection.fromMap(env(
                PipelineConnection.SCHEMA_REGISTRY_USER_INFO, "svc:reg-pw"), PRODUCER_SETTINGS);

        // then
        assertThat(connection.serdeConfig()).containsEntry(PipelineConnection.SERDE_USER_INFO, "svc:reg-pw");
        assertThat(connection.toString()).doesNotContain("reg-pw");
    }

    @Test
    void shouldHideCredentialsWrittenIntoTheRegistryUrl() {
        final Map<String, String> env = new java.util.HashMap<>(env());
        env.put(PipelineConnection.SCHEMA_REGISTRY_URL, "https://svc:url-pw@registry:8081/apis/ccompat/v7");
        assertThat(PipelineConnection.fromMap(env, PRODUCER_SETTINGS).toString()).doesNotContain("url-pw");
    }
}
