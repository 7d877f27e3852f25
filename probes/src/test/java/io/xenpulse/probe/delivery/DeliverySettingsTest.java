package io.xenpulse.probe.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.probe.ProbeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

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
    void shouldDefaultToATemporarySpoolOf256MiBAnd24HoursAndReplayAfterTwoIntervals() {
        // when
        final DeliverySettings settings = ProbeConfig.fromMap(env()).delivery();

        // then
        assertThat(settings.spoolDir()).isEmpty();
        assertThat(settings.limits().maxBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(settings.limits().maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.flushTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.replayWindow().replayAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldReadEverySetting() {
        // when
        final DeliverySettings settings = ProbeConfig.fromMap(env(
                "XENPULSE_SPOOL_DIR", "/var/lib/xenpulse/spool",
                "XENPULSE_SPOOL_MAX_BYTES", "64MiB",
                "XENPULSE_SPOOL_MAX_AGE", "6h",
                "XENPULSE_SPOOL_FLUSH_TIMEOUT", "3s",
                "XENPULSE_REPLAY_AFTER", "30s")).delivery();

        // then
        assertThat(settings.spoolDir()).contains(Path.of("/var/lib/xenpulse/spool"));
        assertThat(settings.limits().maxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.limits().maxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.flushTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.replayWindow().replayAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldNotReplayAfterLessThanTwoSecondsByDefaultEvenWithAShortInterval() {
        assertThat(ProbeConfig.fromMap(env("XENPULSE_PROBE_INTERVAL", "100ms")).delivery().replayWindow()
                .replayAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @CsvSource({"268435456,268435456", "256MiB,268435456", "256 MB,268435456", "1g,1073741824", "2048k,2097152"})
    void shouldReadSizesInPowersOf1024(String text, long bytes) {
        assertThat(DeliverySettings.parseBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "-5MiB", "1.5GiB", "512KiB", "99999999999999999GiB"})
    void shouldRejectASizeThatIsNotAtLeastOneMebibyte(String text) {
        assertThatThrownBy(() -> ProbeConfig.fromMap(env("XENPULSE_SPOOL_MAX_BYTES", text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_SPOOL_MAX_BYTES");
    }

    @Test
    void shouldNameEveryInvalidDeliverySettingAtOnce() {
        // given
        final List<String> problems = new ArrayList<>();

        // when
        final DeliverySettings settings = DeliverySettings.fromMap(Map.of(
                "XENPULSE_SPOOL_MAX_AGE", "0s",
                "XENPULSE_SPOOL_FLUSH_TIMEOUT", "soon",
                "XENPULSE_REPLAY_AFTER", "50ms"), Duration.ofSeconds(5), problems);

        // then
        assertThat(settings).isNull();
        assertThat(String.join("; ", problems)).contains("XENPULSE_SPOOL_MAX_AGE", "XENPULSE_SPOOL_FLUSH_TIMEOUT",
                "XENPULSE_REPLAY_AFTER");
    }
}
