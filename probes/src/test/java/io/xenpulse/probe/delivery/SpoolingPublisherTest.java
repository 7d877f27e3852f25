package io.xenpulse.probe.delivery;

import static io.xenpulse.probe.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xenpulse.testkit.MutableClock;
import io.xenpulse.probe.ObservationPublisher;
import io.xenpulse.probe.spool.ObservationCodec;
import io.xenpulse.probe.spool.ObservationSpool;
import io.xenpulse.probe.spool.SpoolLimits;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.testkit.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolingPublisherTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReplayWindow WINDOW = new ReplayWindow(Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final FlakyProducer producer = new FlakyProducer();
    private final AtomicBoolean diskFull = new AtomicBoolean();
    private final List<SpoolingPublisher> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(SpoolingPublisher::close);
    }

    private SpoolingPublisher start(FlakyProducer kafka, Duration flushTimeout) throws IOException {
        final ObservationSpool spool = ObservationSpool.open(dir, SpoolLimits.defaults(), clock);
        final SpoolingPublisher publisher = SpoolingPublisher.start(spool, (timestamp, payload) -> {
            if (diskFull.get()) {
                throw new IOException("No space left on device");
            }
            return spool.append(timestamp, payload);
        }, ObservationCodec.open(dir.resolve("schemas")), new ObservationPublisher("xen-observations", () -> kafka,
                WINDOW.deliveryTimeout()), new DeliverySettings(Optional.of(dir), SpoolLimits.defaults(),
                flushTimeout, WINDOW), clock, "prod-a-xen-1");
        started.add(publisher);
        return publisher;
    }

    private static List<NodeObservation> awaitDelivered(FlakyProducer kafka, int count) {
        return Eventually.awaitValue(WAIT, count + " observations committed", () -> {
            final List<NodeObservation> committed = kafka.history().stream().map(ProducerRecord::value).toList();
            return committed.size() >= count ? Optional.of(committed) : Optional.empty();
        });
    }

    @Test
    void shouldDeliverEveryObservationInOrderAsLiveAndEmptyTheSpool() throws IOException {
        // given
        final SpoolingPublisher publisher = start(producer, Duration.ofSeconds(5));

        // when
        for (int i = 0; i < 3; i++) {
            publisher.publish(observation(i, T0));
        }

        // then
        assertThat(awaitDelivered(producer, 3)).extracting(NodeObservation::getSequence, NodeObservation::getReplayed)
                .containsExactly(tuple(0L, false), tuple(1L, false), tuple(2L, false));
        Eventually.await(WAIT, "the spool is empty", () -> publisher.pendingBytes() == 0);
    }

    @Test
    void shouldKeepObservationsWhileKafkaIsUnreachableAndDeliverThemMarkedReplayedInOrder() throws IOException {
        // given
        producer.reachable.set(false);
        final SpoolingPublisher publisher = start(producer, Duration.ofSeconds(5));
        publisher.publish(observation(0, T0));
        publisher.publish(observation(1, T0));
        Eventually.await(WAIT, "a failed delivery", () -> producer.sendAttempts.get() > 0);
        assertThat(producer.history()).isEmpty();
        assertThat(publisher.pendingBytes()).isPositive();

        // when the outage outlasts half the replay window, and then ends
        clock.advance(Duration.ofSeconds(6));
        final int attempts = producer.sendAttempts.get();
        Eventually.await(WAIT, "an attempt begun after the clock moved", () -> producer.sendAttempts.get() > attempts + 1);
        publisher.publish(observation(2, clock.instant()));
        producer.reachable.set(true);

        // then
        assertThat(awaitDelivered(producer, 3)).extracting(NodeObservation::getSequence, NodeObservation::getReplayed)
                .containsExactly(tuple(0L, true), tuple(1L, true), tuple(2L, false));
        assertThat(publisher.droppedCount()).isZero();
    }

    @Test
    void shouldLeaveWhatItCouldNotFlushOnDiskAndDeliverItAfterARestart() throws IOException {
        // given
        producer.reachable.set(false);
        final SpoolingPublisher before = start(producer, Duration.ofMillis(300));
        before.publish(observation(0, T0));
        before.publish(observation(1, T0));

        // when
        before.close();
        started.remove(before);
        clock.advance(Duration.ofMinutes(1));
        final FlakyProducer afterRestart = new FlakyProducer();
        start(afterRestart, Duration.ofSeconds(5));

        // then
        assertThat(producer.history()).isEmpty();
        assertThat(awaitDelivered(afterRestart, 2)).extracting(NodeObservation::getSequence,
                NodeObservation::getReplayed).containsExactly(tuple(0L, true), tuple(1L, true));
    }

    @Test
    void shouldDropAnObservationTheBrokerRefusesForGoodAndDeliverTheOthers() throws IOException {
        // given
        producer.refusedSequence.set(1);
        final SpoolingPublisher publisher = start(producer, Duration.ofSeconds(5));

        // when
        for (int i = 0; i < 3; i++) {
            publisher.publish(observation(i, T0));
        }

        // then
        Eventually.await(WAIT, "the spool is empty", () -> publisher.pendingBytes() == 0);
        assertThat(producer.history()).extracting(r -> r.value().getSequence()).containsExactly(0L, 2L);
        assertThat(publisher.droppedCount()).isEqualTo(1);
    }

    @Test
    void shouldStillDeliverTheNewestObservationWhenTheSpoolCannotBeWritten() throws IOException {
        // given
        final SpoolingPublisher publisher = start(producer, Duration.ofSeconds(5));
        producer.reachable.set(false);
        publisher.publish(observation(0, T0));
        diskFull.set(true);

        // when
        publisher.publish(observation(1, T0));
        publisher.publish(observation(2, T0));
        producer.reachable.set(true);

        // then
        assertThat(awaitDelivered(producer, 2)).extracting(NodeObservation::getSequence).containsExactly(0L, 2L);
        assertThat(publisher.droppedCount()).isEqualTo(1);
    }
}
