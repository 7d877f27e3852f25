package io.xenpulse.actuator.execution;

import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.restartDaemon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimedExecutionTest {

    private static final long WAIT_SECONDS = 10;
    private static final PowerCheck NO_DEVICE = (cluster, node) -> PowerStatus.unknown("no device in this test");
    private static final CommandExecutor IDLE = command -> ExecutionOutcome.done("not used in this test");

    @Test
    void shouldReportTimeoutForHungExecutorAndInterruptIt() throws Exception {
        // given
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CommandExecutor hung = command -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return ExecutionOutcome.done("never reached in time");
        };
        try (TimedExecution execution =
                new TimedExecution(hung, Duration.ofMillis(200), NO_DEVICE, Duration.ofSeconds(5))) {
            // when
            final ExecutionOutcome outcome = execution.start(fence("f1", "n1")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            // then
            assertThat(outcome.status()).isEqualTo(ResultStatus.TIMEOUT);
            assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shouldRunOtherCommandsWhileOneAttemptHangs() throws Exception {
        // given: an executor that ignores interruption on n1 and answers at once elsewhere
        final CountDownLatch release = new CountDownLatch(1);
        final CommandExecutor executor = command -> {
            if (command.getTargetNode().equals("n1")) {
                release.await();
            }
            return ExecutionOutcome.done("ok");
        };
        try (TimedExecution execution =
                new TimedExecution(executor, Duration.ofSeconds(30), NO_DEVICE, Duration.ofSeconds(5))) {
            execution.start(restartDaemon("d1", "n1"));
            // when
            final ExecutionOutcome other = execution.start(restartDaemon("d2", "n2")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            // then
            assertThat(other.status()).isEqualTo(ResultStatus.DONE);
        } finally {
            release.countDown();
        }
    }

    @Test
    void shouldTurnExecutorExceptionIntoRetryableError() throws Exception {
        // given
        final CommandExecutor broken = command -> {
            throw new IllegalStateException("agent missing");
        };
        try (TimedExecution execution =
                new TimedExecution(broken, Duration.ofSeconds(5), NO_DEVICE, Duration.ofSeconds(5))) {
            // when
            final ExecutionOutcome outcome = execution.start(fence("f1", "n1")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            // then
            assertThat(outcome.status()).isEqualTo(ResultStatus.ERROR_RETRYABLE);
            assertThat(outcome.detail()).contains("agent missing");
        }
    }

    @Test
    void shouldRefuseEverythingWithDryRunExecutor() throws Exception {
        assertThat(new DryRunExecutor().execute(fence("f1", "n1")))
                .satisfies(outcome -> assertThat(outcome.status()).isEqualTo(ResultStatus.REFUSED))
                .satisfies(outcome -> assertThat(outcome.detail()).contains("no executor configured"));
    }
    @Test
    void shouldReportUnknownPowerForHungDeviceAndInterruptIt() throws Exception {
        // given
        final CountDownLatch interrupted = new CountDownLatch(1);
        final PowerCheck hung = (cluster, node) -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return PowerStatus.off("never reached in time");
        };
        try (TimedExecution execution =
                new TimedExecution(IDLE, Duration.ofSeconds(5), hung, Duration.ofMillis(200))) {
            // when
            final Map<String, PowerStatus> statuses = execution.checkPower("c1", List.of("n1"))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            // then
            assertThat(statuses.get("n1").power()).isEqualTo(PowerStatus.Power.UNKNOWN);
            assertThat(statuses.get("n1").message()).contains("n1", "no answer");
            assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shouldAnswerForEveryNodeAsked() throws Exception {
        // given
        final PowerCheck devices = (cluster, node) -> node.equals("n1") ? PowerStatus.off("Status: OFF")
                : PowerStatus.on("Status: ON");
        try (TimedExecution execution =
                new TimedExecution(IDLE, Duration.ofSeconds(5), devices, Duration.ofSeconds(5))) {
            // when
            final Map<String, PowerStatus> statuses = execution.checkPower("c1", List.of("n1", "n3"))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            // then
            assertThat(statuses).containsOnly(entry("n1", PowerStatus.off("Status: OFF")),
                    entry("n3", PowerStatus.on("Status: ON")));
        }
    }

    @Test
    void shouldTurnPowerCheckExceptionIntoUnknown() throws Exception {
        // given
        final PowerCheck broken = (cluster, node) -> {
            throw new IllegalStateException("ipmitool missing");
        };
        try (TimedExecution execution =
                new TimedExecution(IDLE, Duration.ofSeconds(5), broken, Duration.ofSeconds(5))) {
            // when
            final PowerStatus status = execution.checkPower("c1", List.of("n1"))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS).get("n1");
            // then
            assertThat(status.power()).isEqualTo(PowerStatus.Power.UNKNOWN);
            assertThat(status.message()).contains("ipmitool missing");
        }
    }

    @Test
    void shouldSeeNoNodesPowerWithDryRunExecutor() {
        assertThat(new DryRunExecutor().powerStatus("c1", "n1").power()).isEqualTo(PowerStatus.Power.UNKNOWN);
    }
}
