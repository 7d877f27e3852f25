package io.xenpulse.probe;

import static io.xenpulse.probe.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.probe.ObservationPublisher.Outcome;
import io.xenpulse.probe.delivery.ProducerSettings;
import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ObservationPublisherTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);

    private final List<MockProducer<String, NodeObservation>> producers = new ArrayList<>();

    private ObservationPublisher publisher() {
        return new ObservationPublisher("xen-observations", () -> {
            final MockProducer<String, NodeObservation> producer = TestObservations.mockProducer();
            producers.add(producer);
            return producer;
        }, DELIVERY_TIMEOUT);
    }

    private static Map<String, Object> config(Map<String, Object> overrides) {
        return ProducerSettings.of(overrides, "probe-xen-1", "xenpulse-probe-prod-a-xen-1",
                DELIVERY_TIMEOUT);
    }

    @Test
    void shouldProduceIdempotentlyWithAcksAllInTransactionsBoundedByTheDeliveryTimeout() {
        // when
        final Map<String, Object> config = config(Map.of("bootstrap.servers", "localhost:9092", "linger.ms", "5"));

        // then
        assertThat(config)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("transactional.id", "xenpulse-probe-prod-a-xen-1")
                .containsEntry("delivery.timeout.ms", 5000)
                .containsEntry("request.timeout.ms", 5000)
                .containsEntry("max.block.ms", 5000L)
                .containsEntry("client.id", "probe-xen-1")
                .containsEntry("linger.ms", "5");
    }

    @Test
    void shouldKeepTheProducerSmallUnlessTheOperatorAsksForMetricsOrMoreBuffer() {
        // when
        final Map<String, Object> defaults = config(Map.of());
        final Map<String, Object> operators = config(Map.of(
                "metric.reporters", "org.apache.kafka.common.metrics.JmxReporter",
                "enable.metrics.push", "true",
                "buffer.memory", "8388608"));

        // then
        assertThat(defaults)
                .containsEntry("metric.reporters", "")
                .containsEntry("enable.metrics.push", false)
                .containsEntry("buffer.memory", 1024L * 1024);
        assertThat(operators)
                .containsEntry("metric.reporters", "org.apache.kafka.common.metrics.JmxReporter")
                .containsEntry("enable.metrics.push", "true")
                .containsEntry("buffer.memory", "8388608");
    }

    @Test
    void shouldRefuseAnOverrideThatWeakensAcks() {
        assertThatThrownBy(() -> config(Map.of("acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks=all");
    }

    @Test
    void shouldRefuseAnOverrideThatDisablesIdempotence() {
        assertThatThrownBy(() -> config(Map.of("enable.idempotence", "false")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enable.idempotence");
    }

    @Test
    void shouldRefuseADeliveryTimeoutOverrideBecauseItBoundsHowLateALiveObservationArrives() {
        assertThatThrownBy(() -> config(Map.of("delivery.timeout.ms", "120000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_REPLAY_AFTER");
    }

    @Test
    void shouldRefuseARequestTimeoutLongerThanTheDeliveryTimeout() {
        assertThatThrownBy(() -> config(Map.of("request.timeout.ms", "30000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request.timeout.ms");
    }

    @Test
    void shouldCommitABatchInOrderAsOneTransactionKeyedByCluster() {
        // given
        final ObservationPublisher publisher = publisher();

        // when
        final Outcome outcome = publisher.publish(List.of(observation(0, T0), observation(1, T0)));

        // then
        assertThat(outcome).isEqualTo(Outcome.COMMITTED);
        final MockProducer<String, NodeObservation> producer = producers.get(0);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("prod-a");
        assertThat(producer.history()).extracting(r -> r.value().getSequence()).containsExactly(0L, 1L);
    }

    @Test
    void shouldAbortAndReportNothingPublishedWhenASendFails() {
        // given
        final ObservationPublisher publisher = publisher();
        producers.get(0).sendException = new TimeoutException("Expiring 1 record(s): 5000 ms has passed");

        // when
        final Outcome outcome = publisher.publish(List.of(observation(0, T0)));

        // then
        assertThat(outcome).isEqualTo(Outcome.NOT_PUBLISHED);
        assertThat(producers.get(0).transactionAborted()).isTrue();
        assertThat(producers.get(0).history()).isEmpty();
        assertThat(publisher.lastFailure()).contains("Expiring");
    }

    @Test
    void shouldReportABatchTheBrokerRefusesForGoodAsRejected() {
        // given
        final ObservationPublisher publisher = publisher();
        producers.get(0).sendException = new RecordTooLargeException("larger than max.request.size");

        // when
        final Outcome outcome = publisher.publish(List.of(observation(0, T0)));

        // then
        assertThat(outcome).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void shouldReplaceAProducerThatWasFencedAndPublishWithTheNewOne() {
        // given
        final ObservationPublisher publisher = publisher();
        publisher.publish(List.of(observation(0, T0)));
        producers.get(0).commitTransactionException = new KafkaException("transaction state invalid");
        producers.get(0).abortTransactionException = new ProducerFencedException("epoch bumped");

        // when
        final Outcome failed = publisher.publish(List.of(observation(1, T0)));
        final Outcome retried = publisher.publish(List.of(observation(1, T0)));

        // then
        assertThat(failed).isEqualTo(Outcome.NOT_PUBLISHED);
        assertThat(retried).isEqualTo(Outcome.COMMITTED);
        assertThat(producers).hasSize(2);
        assertThat(producers.get(0).closed()).isTrue();
        assertThat(producers.get(1).history()).extracting(r -> r.value().getSequence()).containsExactly(1L);
    }

    @Test
    void shouldAbortAFailedTransactionBeforeBeginningTheNextOneWhenTheBrokerIsBack() {
        // given a failed batch whose abort cannot reach the broker
        final ObservationPublisher publisher = publisher();
        final MockProducer<String, NodeObservation> producer = producers.get(0);
        producer.sendException = new TimeoutException("Expiring 1 record(s)");
        producer.abortTransactionException = new TimeoutException("Timeout expired while aborting");
        assertThat(publisher.publish(List.of(observation(0, T0)))).isEqualTo(Outcome.NOT_PUBLISHED);

        // when the broker is still away, and then back
        producer.sendException = null;
        final Outcome whileAway = publisher.publish(List.of(observation(0, T0)));
        producer.abortTransactionException = null;
        final Outcome whenBack = publisher.publish(List.of(observation(0, T0)));

        // then
        assertThat(whileAway).isEqualTo(Outcome.NOT_PUBLISHED);
        assertThat(publisher.lastFailure()).isEmpty();
        assertThat(whenBack).isEqualTo(Outcome.COMMITTED);
        assertThat(producer.history()).extracting(r -> r.value().getSequence()).containsExactly(0L);
        assertThat(producers).hasSize(1);
    }
}
