package io.xenpulse.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActuatorConfigTest {

    private static Map<String, String> env(String... keyValues) {
        final Map<String, String> env = new HashMap<>();
        env.put("XENPULSE_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        env.put("XENPULSE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Test
    void shouldUseDefaultsWhenOnlyConnectionIsGiven() {
        // when
        final ActuatorConfig config = ActuatorConfig.fromMap(env());
        // then
        assertThat(config.groupId()).isEqualTo("xenpulse-actuator");
        assertThat(config.actionTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.memoryRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.powerCheckTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.executor()).isEqualTo("dry-run");
    }

    @Test
    void shouldReadOperatorDurations() {
        // when
        final ActuatorConfig config = ActuatorConfig.fromMap(env("XENPULSE_ACTION_TIMEOUT", "20s",
                "XENPULSE_ACTUATOR_MEMORY_RETENTION", "PT2H", "XENPULSE_ACTUATOR_GROUP", "site-a",
                "XENPULSE_ACTUATOR_POWER_CHECK_TIMEOUT", "5s"));
        // then
        assertThat(config.powerCheckTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.actionTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.memoryRetention()).isEqualTo(Duration.ofHours(2));
        assertThat(config.groupId()).isEqualTo("site-a");
    }

    @Test
    void shouldRejectOverrideOfSettingDeliveryDependsOn() {
        assertThatThrownBy(() -> ActuatorConfig.fromMap(env("KAFKA_ACKS", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks");
    }

    @Test
    void shouldRejectUnknownActuatorSetting() {
        assertThatThrownBy(() -> ActuatorConfig.fromMap(env("XENPULSE_ACTUATOR_TIMEOUT", "5s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_ACTUATOR_TIMEOUT");
    }

    @Test
    void shouldRejectRetentionNotLongerThanActionTimeout() {
        assertThatThrownBy(() -> ActuatorConfig.fromMap(env("XENPULSE_ACTION_TIMEOUT", "2m",
                "XENPULSE_ACTUATOR_MEMORY_RETENTION", "1m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_ACTUATOR_MEMORY_RETENTION");
    }

    @Test
    void shouldRejectUnknownExecutorName() {
        assertThatThrownBy(() -> ActuatorMain.executorNamed("fence-agents"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dry-run");
    }

    @Test
    void shouldWireServiceWithDryRunExecutorFromEnvironment() {
        // when
        final ActuatorService service = ActuatorMain.create(env("XENPULSE_TOPIC_PREFIX", "site-a-"));
        // then
        assertThat(service.isRunning()).isFalse();
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        // when
        final String printed = ActuatorConfig.fromMap(env("KAFKA_SASL_JAAS_CONFIG", "user=\"a\" password=\"s3cret\""))
                .toString();
        // then
        assertThat(printed).doesNotContain("s3cret");
    }
}
