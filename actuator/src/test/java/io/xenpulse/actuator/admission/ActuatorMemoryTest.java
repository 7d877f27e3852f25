package io.xenpulse.actuator.admission;

import static io.xenpulse.actuator.fixtures.Commands.T0;
import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActuatorMemoryTest {

    private final ActuatorMemory memory = new ActuatorMemory(Duration.ofHours(1));

    @Test
    void shouldRememberIdOfEveryResultWhateverItsStatus() {
        // when
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.EXPIRED), 0);
        // then
        assertThat(memory.knowsCommand("f1")).isTrue();
    }

    @Test
    void shouldForgetIdOnceRetentionHasPassed() {
        // given: results carry finishedAt T0
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        // when
        memory.evict(T0.plus(Duration.ofHours(1)).plusMillis(1));
        // then
        assertThat(memory.knowsCommand("f1")).isFalse();
        assertThat(memory.commandIdCount()).isZero();
    }

    @Test
    void shouldKeepIdWithinRetention() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        // when
        memory.evict(T0.plus(Duration.ofMinutes(59)));
        // then
        assertThat(memory.knowsCommand("f1")).isTrue();
    }

    @Test
    void shouldKeepFenceFactsWhenIdsAreEvicted() {
        // given
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        // when
        memory.evict(T0.plus(Duration.ofDays(1)));
        // then
        assertThat(memory.history("c1", "n1")).hasValueSatisfying(h -> assertThat(h.fenceCovers("web01")).isTrue());
    }

    @Test
    void shouldFreeIdOfCommandHandedOver() {
        // given
        memory.rememberCommand("f1", T0);
        // when
        memory.forgetCommand("f1");
        // then
        assertThat(memory.knowsCommand("f1")).isFalse();
    }
    @Test
    void shouldKeepIdForRetentionAfterItWasLastSeen() {
        // given: accepted at T0, its result finished 30 minutes later
        memory.rememberCommand("f1", T0);
        final var result = resultOf(fence("f1", "n1"), ResultStatus.DONE, true);
        result.setFinishedAt(T0.plus(Duration.ofMinutes(30)));
        memory.learn(result, 0);
        // when
        memory.evict(T0.plus(Duration.ofMinutes(61)));
        // then
        assertThat(memory.knowsCommand("f1")).isTrue();
    }

    @Test
    void shouldNotShortenRetentionWhenAnOlderSightingIsLearntLater() {
        // given: accepted at T0 + 30 min; an older result record of the same id read from the topic afterwards
        memory.rememberCommand("f1", T0.plus(Duration.ofMinutes(30)));
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        // when
        memory.evict(T0.plus(Duration.ofMinutes(61)));
        // then
        assertThat(memory.knowsCommand("f1")).isTrue();
    }

    @Test
    void shouldCountEachRememberedIdOnce() {
        // when
        memory.rememberCommand("f1", T0);
        memory.learn(resultOf(fence("f1", "n1"), ResultStatus.DONE, true), 0);
        memory.rememberCommand("f2", T0);
        // then
        assertThat(memory.commandIdCount()).isEqualTo(2);
    }

    @Test
    void shouldIgnorePowerOnOfNodeItKnowsNothingAbout() {
        // when
        memory.learnPoweredOnNow("c1", "n9");
        // then
        assertThat(memory.history("c1", "n9")).isEmpty();
    }
}
