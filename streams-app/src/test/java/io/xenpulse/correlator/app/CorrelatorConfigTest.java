package io.xenpulse.correlator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelatorConfigTest {

    private static CorrelatorConfig config(String... settings) {
        final Map<String, String> env = new HashMap<>(Map.of("XENPULSE_BOOTSTRAP_SERVERS", "localhost:9092",
                "XENPULSE_SCHEMA_REGISTRY_URL", "http://localhost:8081/apis/ccompat/v7"));
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return CorrelatorConfig.fromMap(env);
    }

    @Test
    void shouldTreatObservationsReadMoreThanTenSecondsAfterTheyWereLoggedAsHistoryByDefault() {
        assertThat(config().policy().observationMaxLag()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldKeepTheDefaultLagBoundBelowAShortSilence() {
        assertThat(config("XENPULSE_NODE_SILENT_AFTER", "5s", "XENPULSE_NODE_LOST_AFTER", "10s").policy()
                .observationMaxLag()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldTakeAnExplicitLagBoundAndRefuseOneThatCouldNeverMatter() {
        assertThat(config("XENPULSE_OBSERVATION_MAX_LAG", "4s").policy().observationMaxLag())
                .isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> config("XENPULSE_OBSERVATION_MAX_LAG", "20s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observationMaxLag must be positive and shorter than nodeSilentAfter");
    }

    @Test
    void shouldRefuseATickIntervalThatWouldReadAsTheCorrelatorsOwnOutage() {
        assertThatThrownBy(() -> config("XENPULSE_TICK_INTERVAL", "10s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_TICK_INTERVAL");
    }

    @Test
    void shouldReadTheFlapDampingBounds() {
        final CorrelatorConfig config = config("XENPULSE_VM_MAX_FAILURES", "5", "XENPULSE_VM_FAILURE_WINDOW", "30m");
        assertThat(config.policy().vmMaxFailures()).isEqualTo(5);
        assertThat(config.policy().vmFailureWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config().policy().vmMaxFailures()).isEqualTo(3);
    }
}
