package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeConfigTest {

    private static Map<String, String> env(String... extra) {
        final Map<String, String> env = new HashMap<>(Map.of(
                "XENPULSE_CLUSTER", "prod-a",
                "XENPULSE_NODE", "xen-1",
                "XENPULSE_BOOTSTRAP_SERVERS", "localhost:9092",
                "XENPULSE_SCHEMA_REGISTRY_URL", "http://localhost:8081/apis/ccompat/v7"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    @Test
    void shouldReadIdentityAndDefaultToAFiveSecondInterval() {
        // when
        final ProbeConfig config = ProbeConfig.fromMap(env());

        // then
        assertThat(config.clusterId()).isEqualTo("prod-a");
        assertThat(config.node()).isEqualTo("xen-1");
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connection().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @ParameterizedTest
    @CsvSource({"5s,5000", "250ms,250", "1m,60000", "PT2S,2000", "pt0.5s,500", " 10 s ,10000"})
    void shouldAcceptShortAndIsoIntervals(String text, long millis) {
        // when
        final ProbeConfig config = ProbeConfig.fromMap(env("XENPULSE_PROBE_INTERVAL", text));

        // then
        assertThat(config.interval()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "PT0S", "-5s", "PT-5S", "five seconds", "5", "99999999999s"})
    void shouldRejectAnIntervalThatIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> ProbeConfig.fromMap(env("XENPULSE_PROBE_INTERVAL", text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_PROBE_INTERVAL");
    }

    @Test
    void shouldNameEveryMissingSettingAtOnce() {
        // given
        final Map<String, String> env = env();
        env.remove("XENPULSE_CLUSTER");
        env.remove("XENPULSE_NODE");
        env.remove("XENPULSE_BOOTSTRAP_SERVERS");

        // then
        assertThatThrownBy(() -> ProbeConfig.fromMap(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_CLUSTER")
                .hasMessageContaining("XENPULSE_NODE")
                .hasMessageContaining("XENPULSE_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldRejectAKafkaSettingProducersDoNotKnow() {
        assertThatThrownBy(() -> ProbeConfig.fromMap(env("KAFKA_AUTO_OFFSET_RESET", "earliest")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_AUTO_OFFSET_RESET");
    }

    @Test
    void shouldAcceptProducerSettingsAndHideSecretsWhenPrinted() {
        // when
        final ProbeConfig config = ProbeConfig.fromMap(env(
                "KAFKA_LINGER_MS", "5",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule password=\"s3cret\";"));

        // then
        assertThat(config.connection().kafkaOverrides()).containsEntry("linger.ms", "5");
        assertThat(config.toString()).doesNotContain("s3cret").contains("prod-a");
    }
}
