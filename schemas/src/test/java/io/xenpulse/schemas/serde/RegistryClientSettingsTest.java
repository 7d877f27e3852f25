package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryClientSettingsTest {

    @Test
    void shouldTakeCredentialsOutOfTheUrlAndHideThem() {
        // when
        final RegistryClientSettings settings = RegistryClientSettings.fromConfig(
                Map.of("schema.registry.url", "https://svc:pa55@registry.example:8081/apis/ccompat/v7/"));

        // then
        assertThat(settings.urls()).containsExactly("https://registry.example:8081/apis/ccompat/v7");
        assertThat(settings.userInfo()).hasValue("svc:pa55");
        assertThat(settings.toString()).doesNotContain("pa55").contains("basicAuth=[hidden]");
    }

    @Test
    void shouldPreferExplicitUserInfoAndReadTimeouts() {
        // when
        final RegistryClientSettings settings = RegistryClientSettings.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081, http://b:8081",
                "basic.auth.user.info", "svc:explicit",
                "http.connect.timeout.ms", "250",
                "http.read.timeout.ms", 1500));

        // then
        assertThat(settings.urls()).isEqualTo(List.of("http://a:8081", "http://b:8081"));
        assertThat(settings.userInfo()).hasValue("svc:explicit");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldRejectTimeoutThatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.read.timeout.ms");
    }

    @Test
    void shouldSelectSharedInMemoryRegistryForMockUrls() {
        // when
        final SchemaRegistryClient first = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "mock://s1"));
        final SchemaRegistryClient again = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "mock://s1"));
        final SchemaRegistryClient other = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "mock://s2"));

        // then
        assertThat(first).isInstanceOf(InMemorySchemaRegistryClient.class).isSameAs(again).isNotSameAs(other);
        InMemorySchemaRegistryClient.dropScope("s1");
        InMemorySchemaRegistryClient.dropScope("s2");
    }
}
