package io.xenpulse.actuator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionQueueTest {

    private static final Lock N1 = Lock.node("c1", "n1");
    private static final Lock N2 = Lock.node("c1", "n2");
    private static final Lock N3 = Lock.node("c1", "n3");

    private final ActionQueue<String> queue = new ActionQueue<>();

    @Test
    void shouldStartCommandsForDifferentNodesTogether() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.enqueue("b", Set.of(N2));
        // when / then
        assertThat(queue.takeStartable()).containsExactly("a", "b");
    }

    @Test
    void shouldHoldSecondCommandForBusyNodeUntilFirstIsReleased() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        queue.enqueue("b", Set.of(N1));
        // when
        final var whileBusy = queue.takeStartable();
        queue.release("a");
        final var afterRelease = queue.takeStartable();
        // then
        assertThat(whileBusy).isEmpty();
        assertThat(afterRelease).containsExactly("b");
    }

    @Test
    void shouldKeepArrivalOrderOnEachNode() {
        // given: b needs n1 (busy) and n2; c needs only n2 but arrived after b
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        queue.enqueue("b", Set.of(N1, N2));
        queue.enqueue("c", Set.of(N2));
        // when / then
        assertThat(queue.takeStartable()).isEmpty();
        assertThat(queue.blockersOf("c")).containsExactly(N2);
    }

    @Test
    void shouldNotHoldUpOtherNodesBehindWaitingCommand() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        queue.enqueue("b", Set.of(N1));
        queue.enqueue("c", Set.of(N3));
        // when / then
        assertThat(queue.takeStartable()).containsExactly("c");
    }

    @Test
    void shouldLetNextCommandStartAfterWaitingOneIsWithdrawn() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        queue.enqueue("b", Set.of(N1, N2));
        queue.enqueue("c", Set.of(N2));
        // when
        final boolean withdrawn = queue.withdraw("b");
        // then
        assertThat(withdrawn).isTrue();
        assertThat(queue.takeStartable()).containsExactly("c");
    }
    @Test
    void shouldTellWaitingFromStartedCommands() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        queue.enqueue("b", Set.of(N1));
        // when / then
        assertThat(queue.isWaiting("a")).isFalse();
        assertThat(queue.isWaiting("b")).isTrue();
        assertThat(queue.runningCount()).isEqualTo(1);
        assertThat(queue.waitingCount()).isEqualTo(1);
    }

    @Test
    void shouldNotWithdrawCommandThatAlreadyStarted() {
        // given
        queue.enqueue("a", Set.of(N1));
        queue.takeStartable();
        // when
        final boolean withdrawn = queue.withdraw("a");
        // then: it keeps its lock until released
        queue.enqueue("b", Set.of(N1));
        assertThat(withdrawn).isFalse();
        assertThat(queue.takeStartable()).isEmpty();
    }
}
