package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Clock;
import org.apache.kafka.common.KafkaException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProbeLoopTest {

    private static final Instant NOW = Instant.parse("2009-06-01T12:00:00.123456Z");

    private final List<NodeObservation> published = new ArrayList<>();
    private final ScriptedSource source = new ScriptedSource();

    private ProbeLoop loop(ObservationSink sink, Duration interval) {
        return new ProbeLoop("prod-a", "xen-1", interval, source, sink, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldStampEveryObservationWithTheProbesIdentity() {
        // given
        final ProbeLoop loop = loop(published::add, Duration.ofSeconds(5));

        // when
        loop.runCycle();

        // then
        assertThat(published).singleElement().satisfies(observation -> {
            assertThat(observation.getCluster()).isEqualTo("prod-a");
            assertThat(observation.getNode()).isEqualTo("xen-1");
            assertThat(observation.getBootId()).isEqualTo("boot-1");
            assertThat(observation.getSequence()).isZero();
            assertThat(observation.getObservedAt()).isEqualTo(Instant.parse("2009-06-01T12:00:00.123Z"));
            assertThat(observation.getReplayed()).isFalse();
            assertThat(observation.getDaemons()).isEqualTo(ScriptedSource.HEALTHY.daemons());
        });
    }

    @Test
    void shouldIncreaseTheSequenceByOnePerObservation() {
        // given
        final ProbeLoop loop = loop(published::add, Duration.ofSeconds(5));

        // when
        for (int i = 0; i < 3; i++) {
            loop.runCycle();
        }

        // then
        assertThat(published).extracting(NodeObservation::getSequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void shouldContinueTheSequenceOfTheSameBootAfterAProbeRestart() {
        // given: a first probe process used sequences 0..2 of this boot
        final SequenceCheckpoint checkpoint = SequenceCheckpoint.inMemory();
        final ProbeLoop first = new ProbeLoop("prod-a", "xen-1", Duration.ofSeconds(5), source, published::add,
                Clock.fixed(NOW, ZoneOffset.UTC), checkpoint);
        for (int i = 0; i < 3; i++) {
            first.runCycle();
        }

        // when: the probe process restarts on the same boot
        final ProbeLoop second = new ProbeLoop("prod-a", "xen-1", Duration.ofSeconds(5), source, published::add,
                Clock.fixed(NOW, ZoneOffset.UTC), checkpoint);
        second.runCycle();

        // then
        assertThat(published).extracting(NodeObservation::getSequence).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void shouldPublishNothingWhenTheSourceHasNothingToReport() {
        // given
        source.thenNothing();
        final ProbeLoop loop = loop(published::add, Duration.ofSeconds(5));

        // when
        loop.runCycle();

        // then
        assertThat(published).isEmpty();
    }

    @Test
    void shouldStartTheSequenceAgainWhenTheBootIdChanges() {
        // given
        final ProbeLoop loop = loop(published::add, Duration.ofSeconds(5));
        loop.runCycle();
        loop.runCycle();

        // when
        source.reboot("boot-2");
        loop.runCycle();

        // then
        assertThat(published).extracting(NodeObservation::getBootId, NodeObservation::getSequence)
                .containsExactly(
                        tuple("boot-1", 0L),
                        tuple("boot-1", 1L),
                        tuple("boot-2", 0L));
    }

    @Test
    void shouldKeepRunningOnScheduleAfterTheSourceThrows() throws InterruptedException {
        // given
        source.thenThrow(new IllegalStateException("xenstore socket vanished"))
                .thenThrow(new IllegalStateException("still broken"));
        final BlockingQueue<NodeObservation> delivered = new LinkedBlockingQueue<>();

        // when
        try (ProbeLoop loop = loop(delivered::add, Duration.ofMillis(20))) {
            loop.start();

            // then
            final NodeObservation first = delivered.poll(10, TimeUnit.SECONDS);
            final NodeObservation second = delivered.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first.getSequence(), second.getSequence())).containsExactly(0L, 1L);
        }
    }

    @Test
    void shouldKeepRunningWhenTheSinkFails() {
        // given
        final List<NodeObservation> accepted = new ArrayList<>();
        final ObservationSink failingOnce = new ObservationSink() {
            private boolean failed;

            @Override
            public void publish(NodeObservation observation) {
                if (!failed) {
                    failed = true;
                    throw new KafkaException("broker unreachable");
                }
                accepted.add(observation);
            }
        };
        final ProbeLoop loop = loop(failingOnce, Duration.ofSeconds(5));

        // when
        loop.runCycle();
        loop.runCycle();

        // then: the lost observation leaves a gap, the sequence never goes back
        assertThat(accepted).extracting(NodeObservation::getSequence).containsExactly(1L);
    }
}
