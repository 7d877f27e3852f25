package io.xenpulse.probe.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");
    private final ReplayWindow window = new ReplayWindow(Duration.ofSeconds(10));

    @Test
    void shouldHandOverAsLiveWhatIsYoungerThanHalfTheWindow() {
        assertThat(window.isHistory(T0, T0.plusSeconds(5))).isFalse();
    }

    @Test
    void shouldMarkAsHistoryWhatCouldNoLongerArriveWithinTheWindow() {
        assertThat(window.isHistory(T0, T0.plusMillis(5001))).isTrue();
    }

    @Test
    void shouldGiveTheProducerTheOtherHalfAsItsDeliveryTimeout() {
        assertThat(window.deliveryTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseAWindowTooShortForAnyBrokerRoundTrip() {
        assertThatThrownBy(() -> new ReplayWindow(Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 200 ms");
    }
}
