package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Invariant 9: the correlator's own restart or lag never makes a node look silent, lost or fenceable. */
class OwnLagTest {

    private static final String[] NODES = {"xen-1", "xen-2", "xen-3"};

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldNotFenceAnyNodeWhenCatchingUpAfterItsOwnRestart() {
        // given: three healthy nodes publishing every second
        liveRounds(5);
        final Instant away = harness.now;
        // when: the correlator is down for 50 s while the probes keep publishing, then reads the backlog
        harness.correlatorAway(Duration.ofSeconds(50));
        for (int second = 0; second < 50; second++) {
            for (String node : NODES) {
                harness.observeLoggedAt(Observations.from(node, sequence).running(vmOf(node)), away.plusSeconds(second));
            }
            sequence++;
        }
        // the punctuator fires after xen-2's and xen-3's first live observations, before xen-1's
        harness.observe(Observations.from("xen-2", sequence).running("db01"));
        harness.observe(Observations.from("xen-3", sequence).running("app01"));
        harness.tick();
        liveRounds(40);
        // then
        assertThat(harness.decisionsBy(Rule.NODE_LOST)).isEmpty();
        assertThat(harness.decisionsBy(Rule.NODE_SILENT)).isEmpty();
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.decisionsBy(Rule.CORRELATOR_CATCHING_UP)).isNotEmpty();
    }

    @Test
    void shouldDistrustItsViewWhenANewInstanceTakesOverTheStoredState() {
        // given: a trusted view; xen-1 dies 5 s before the correlator restarts (a gap shorter than the lag bound)
        liveRounds(20);
        harness.correlatorAway(Duration.ofSeconds(5));
        harness.restartCorrelator();
        // when: the others keep reporting for 29 s after the restart
        othersLive(29);
        // then: counted from the restart, xen-1 is not lost yet
        assertThat(harness.decisionsBy(Rule.CORRELATOR_CATCHING_UP)).hasSize(1);
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        othersLive(2);
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldDistrustAStoredStateWrittenBeforeItsViewWasTracked() {
        // given: a stored cluster state from an older version: nodes known, no record of the view's continuity
        liveRounds(5);
        harness.state.trustedSince = null;
        harness.restartCorrelator();
        // when
        harness.tick();
        // then
        assertThat(harness.decisionsBy(Rule.CORRELATOR_CATCHING_UP)).hasSize(1);
        assertThat(harness.state.trustedSince).isEqualTo(harness.now);
    }

    @Test
    void shouldNotRestartADaemonWhileItOnlyReadsTheNodesBacklog() {
        // given: xen-1's xend is seen down, live
        liveRounds(5);
        harness.observe(Observations.from("xen-1", sequence++).xendDown());
        final Instant away = harness.now;
        // when: the correlator is away past the grace, then reads the backlog (all of it history), ticking
        harness.correlatorAway(Duration.ofSeconds(25));
        for (int second = 0; second < 10; second++) {
            harness.observeLoggedAt(Observations.from("xen-1", sequence++).xendDown(), away.plusSeconds(second));
            harness.tick();
        }
        // then: no restart on a view that may be missing the observation that ends the outage...
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).isEmpty();
        // ...until a current observation shows xend still down
        harness.observe(Observations.from("xen-1", sequence++).xendDown());
        othersLive(1);
        assertThat(harness.lastCommand(CommandKind.RESTART_DAEMON).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldNotFenceWhileThePipelineRunsSecondsBehind() {
        // given
        liveRounds(5);
        // when: for a minute every observation is read 12 s after it reached the log (a loaded broker)
        for (int second = 0; second < 60; second++) {
            for (String node : NODES) {
                harness.observeLoggedAt(Observations.from(node, sequence).running(vmOf(node)),
                        harness.now.minusSeconds(12));
            }
            sequence++;
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.decisionsBy(Rule.NODE_LOST)).isEmpty();
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
    }

    @Test
    void shouldCountSilenceFromWhenTheLastObservationReachedTheLogNotFromWhenItWasRead() {
        // given: a trusted view, then xen-1's last observation, which is read 8 s after it reached the log
        // (within the lag bound, so its content is current)
        liveRounds(20);
        final Instant logged = harness.now;
        othersLive(8);
        harness.observeLoggedAt(Observations.from("xen-1", sequence++).running("web01"), logged);
        // when: the others keep reporting for 8 s more
        othersLive(8);
        // then: 16 s after it was logged, xen-1 is silent (counted from the read, it would take 15 s more)
        assertThat(harness.decisionsBy(Rule.NODE_SILENT)).extracting(d -> d.getNode()).containsExactly("xen-1");
    }

    @Test
    void shouldTakeAnObservationReadLateAsProofOfLife() {
        // given
        liveRounds(20);
        // when: xen-1's observations arrive only as history (its probe's spool replays them), 12 s late
        for (int second = 0; second < 40; second++) {
            harness.observeLoggedAt(Observations.from("xen-1", sequence).running("web01").replayed(), harness.now);
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
        // then: its content is history, but it proves xen-1 is up
        assertThat(harness.decisionsBy(Rule.NODE_SILENT)).isEmpty();
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
    }

    @Test
    void shouldFenceARealLossOnlyAFullBoundAfterCatchingUp() {
        // given: the correlator comes back from a 50 s absence during which xen-1 died for good
        liveRounds(5);
        harness.correlatorAway(Duration.ofSeconds(50));
        final Instant back = harness.now;
        // when: the others keep reporting
        othersLive(29);
        // then: nothing before a full lost-node bound on the correlator's own clock...
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        othersLive(2);
        // ...then the dead node is fenced
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getIssuedAt()).isAfterOrEqualTo(back.plusSeconds(30));
    }

    private void liveRounds(int seconds) {
        for (int second = 0; second < seconds; second++) {
            for (String node : NODES) {
                harness.observe(Observations.from(node, sequence).running(vmOf(node)));
            }
            sequence++;
            harness.pass(Duration.ofSeconds(1));
        }
    }

    private void othersLive(int seconds) {
        for (int second = 0; second < seconds; second++) {
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
    }

    private static String vmOf(String node) {
        return switch (node) {
            case "xen-1" -> "web01";
            case "xen-2" -> "db01";
            default -> "app01";
        };
    }
}
