package io.xenpulse.actuator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("xen-commands", 0);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void shouldNotCommitPastAnUnansweredCommand() {
        // given: offset 5 still executing, 6 answered
        tracker.received(new CommandOffset(P0, 5));
        tracker.received(new CommandOffset(P0, 6));
        tracker.answered(new CommandOffset(P0, 6));
        // when / then
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldCommitPastTheAnsweredPrefix() {
        // given
        tracker.received(new CommandOffset(P0, 5));
        tracker.received(new CommandOffset(P0, 6));
        tracker.received(new CommandOffset(P0, 7));
        tracker.answered(new CommandOffset(P0, 6));
        tracker.answered(new CommandOffset(P0, 5));
        // when / then
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(7)));
    }

    @Test
    void shouldNotRepeatACommittedOffset() {
        // given
        tracker.received(new CommandOffset(P0, 5));
        tracker.answered(new CommandOffset(P0, 5));
        tracker.committed(tracker.committable());
        // when / then
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldIgnoreAnswersForForgottenPartition() {
        // given
        tracker.received(new CommandOffset(P0, 5));
        tracker.forget(List.of(P0));
        // when
        tracker.answered(new CommandOffset(P0, 5));
        // then
        assertThat(tracker.committable()).isEmpty();
    }
}
