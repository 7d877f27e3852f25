package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Invariants 4, 5 and 9 at their edges: when a rung of the ladder may fire, and when it never may. */
class LadderBoundariesTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldFenceWhenExactlyTheMinimumOfHealthyNodesWouldRemain() {
        // given: three nodes, two of them must stay healthy
        harness.inventory(2, List.of("xen-1", "xen-2", "xen-3"));
        // when: xen-1 loses xend for good and every restart fails
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(16));
        failRestartsOfXen1();
        // then: xen-2 and xen-3 remain, which is enough
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldNeverFenceANodeInMaintenance() {
        // given: xen-1 is in maintenance
        harness.inventory(List.of("xen-1", "xen-2", "xen-3"), List.of("xen-1"));
        xen1(s -> Observations.from("xen-1", s).running("web01"), Duration.ofSeconds(2));
        // when: it falls silent for longer than the lost-node bound
        xen1(s -> null, Duration.ofSeconds(40));
        // then
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains("maintenance"));
    }

    @Test
    void shouldNotFenceANodeWhoseCurrentStateArrivesOnlyLate() {
        // given: xen-1's xend is down; its first restart fails at once
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(16));
        harness.result(harness.lastCommand(CommandKind.RESTART_DAEMON), ResultStatus.ERROR_HARD, false);
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(3));
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).hasSize(2);
        // when: from now on its observations arrive only replayed, while the remaining restarts run out
        xen1(s -> Observations.from("xen-1", s).xendDown().replayed(), Duration.ofSeconds(40));
        // then: it is alive, but what it says now cannot be judged: no fence
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).hasSize(3);
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains("arrive only late"));
    }

    @Test
    void shouldRetryAnUnansweredRestartOnlyAfterVerifyTimeoutAndRetryDelay() {
        // given: xen-1's xend stays down and the actuator never answers the restart
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(16));
        final RecoveryCommand first = harness.lastCommand(CommandKind.RESTART_DAEMON);
        // when
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(14));
        // then: the second attempt comes exactly verify timeout + retry delay after the first
        final RecoveryCommand second = harness.lastCommand(CommandKind.RESTART_DAEMON);
        assertThat(second.getAttempt()).isEqualTo(2);
        assertThat(Duration.between(first.getIssuedAt(), second.getIssuedAt()))
                .isEqualTo(CorrelatorHarness.POLICY.restartVerifyTimeout().plus(CorrelatorHarness.POLICY.restartRetryDelay()));
        assertThat(harness.decisionsBy(Rule.DAEMON_RESTART_FAILED)).hasSize(1);
    }

    @Test
    void shouldNeverRestartOrFenceForAnOutageWhenTheProbeThenFindsNoListingTool() {
        // given: xend down for a few seconds
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(5));
        // when: the probe then reports that the node has no usable listing tool at all
        xen1(s -> Observations.from("xen-1", s).noListingTool(), Duration.ofSeconds(70));
        // then: a configuration problem, not a daemon to restart or a node to fence
        assertThat(harness.commands).isEmpty();
        assertThat(harness.decisionsBy(Rule.NODE_UNMONITORABLE)).hasSize(1);
    }

    @Test
    void shouldFenceAnXlOnlyNodeThatFallsSilentWhileXenstoredIsDown() {
        // given: xen-1 is xl-only and its xl listing is refused (it is not restartable: no restart rung)
        xen1(s -> Observations.from("xen-1", s).xlOnly().xlDown(), Duration.ofSeconds(3));
        // when: it falls silent for the lost-node bound, well before its escalation without restart
        xen1(s -> null, Duration.ofSeconds(31));
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).isEmpty();
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldFenceANodeThatFallsSilentWhileItsDaemonIsBeingRestarted() {
        // given: xen-1's xend is down and a restart is in flight
        xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(16));
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).hasSize(1);
        // when: it falls silent for the lost-node bound, before its restart attempts run out
        xen1(s -> null, Duration.ofSeconds(31));
        // then: fenced as lost, before the restart rungs (3 x (10 s + 2 s)) would have handed it over
        assertThat(harness.decisionsBy(Rule.NODE_LOST)).extracting(d -> d.getNode()).containsExactly("xen-1");
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    private void failRestartsOfXen1() {
        for (int attempt = 1; attempt <= CorrelatorHarness.POLICY.maxRestartAttempts(); attempt++) {
            harness.result(harness.lastCommand(CommandKind.RESTART_DAEMON), ResultStatus.ERROR_HARD, false);
            xen1(s -> Observations.from("xen-1", s).xendDown(), Duration.ofSeconds(3));
        }
    }

    /** Every second: xen-1 reports what {@code xen1} gives (nothing when null), xen-2 and xen-3 are healthy. */
    private void xen1(LongFunction<Observations> xen1, Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            final Observations observation = xen1.apply(sequence);
            if (observation != null) {
                harness.observe(observation);
            }
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
    }
}
