package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationPublisherTest {

    @Test
    void shouldAlwaysProduceIdempotentlyWithAcksAll() {
        // when
        final Map<String, Object> config = ObservationPublisher.producerConfig(
                Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "5"), "probe-xen-1");

        // then
        assertThat(config)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", "probe-xen-1")
                .containsEntry("linger.ms", "5");
    }

    @Test
    void shouldRefuseAnOverrideThatWeakensAcks() {
        assertThatThrownBy(() -> ObservationPublisher.producerConfig(Map.of("acks", "1"), "probe-xen-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks=all");
    }

    @Test
    void shouldRefuseAnOverrideThatDisablesIdempotence() {
        assertThatThrownBy(() -> ObservationPublisher.producerConfig(
                Map.of("enable.idempotence", "false"), "probe-xen-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enable.idempotence");
    }
}
