package io.xenpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void shouldReturnOnceTheConditionHolds() {
        // given
        final AtomicInteger polls = new AtomicInteger();

        // when
        Eventually.await(Duration.ofSeconds(5), "third poll", () -> polls.incrementAndGet() >= 3);

        // then
        assertThat(polls).hasValue(3);
    }

    @Test
    void shouldFailNamingTheDescriptionOnTimeout() {
        assertThatThrownBy(() -> Eventually.await(Duration.ofMillis(100), "the moon turns blue", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the moon turns blue")
                .hasMessageContaining("100 ms");
    }

    @Test
    void shouldReturnTheFirstValueTheProbeYields() {
        // given
        final AtomicInteger polls = new AtomicInteger();

        // when
        final String value = Eventually.awaitValue(Duration.ofSeconds(5), "a value",
                () -> polls.incrementAndGet() < 2 ? Optional.empty() : Optional.of("found"));

        // then
        assertThat(value).isEqualTo("found");
    }

    @Test
    void shouldKeepPollingThroughProbeExceptionsAndReportTheLastOne() {
        assertThatThrownBy(() -> Eventually.awaitValue(Duration.ofMillis(100), "a flaky probe", () -> {
            throw new IllegalStateException("not yet connected");
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a flaky probe")
                .hasMessageContaining("not yet connected")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
