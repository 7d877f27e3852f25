package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invariant 9: a node whose probe fell silent but which its peers still reach is not dead. */
class PeerWitnessTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldNotFenceASilentNodeItsPeersStillReach() {
        // given: three nodes that check each other
        rounds(5, SourceStatus.OK, true);
        // when: xen-1's probe dies; xen-2 and xen-3 still reach xen-1 for a minute
        rounds(60, SourceStatus.OK, false);
        // then: an operator is told, nothing is fenced, its VM is UNKNOWN
        assertThat(harness.decisionsBy(Rule.NODE_PROBE_SILENT)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.NODE_LOST)).isEmpty();
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.UNKNOWN);
    }

    @Test
    void shouldFenceASilentNodeOnceItsPeersCannotReachItEither() {
        // given
        rounds(5, SourceStatus.OK, true);
        // when: xen-1 goes down: silent, and its peers' connects are refused
        rounds(31, SourceStatus.DOWN, false);
        // then
        assertThat(harness.decisionsBy(Rule.NODE_LOST)).hasSize(1);
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldWithholdAPendingFenceWhenPeersReachTheNodeAgain() {
        // given: xen-1 silent and unreachable long enough to be lost, but another fence is in flight
        rounds(5, SourceStatus.OK, true);
        rounds(31, SourceStatus.DOWN, false);
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.ERROR_RETRYABLE, false);
        // when: before the retry, the peers reach xen-1 again (its uplink came back, its probe did not)
        final int fencesBefore = harness.commandsOf(CommandKind.FENCE_NODE).size();
        rounds(20, SourceStatus.OK, false);
        // then
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).hasSize(fencesBefore);
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).isNotEmpty();
    }

    @Test
    void shouldNotFenceWhenThePeersStoppedReportingOnTheNode() {
        // given
        rounds(5, SourceStatus.OK, true);
        // when: xen-1 falls silent and the others' probes no longer check it (peer checks switched off)
        for (int second = 0; second < 60; second++) {
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.decisionsBy(Rule.NODE_ISOLATION_UNCONFIRMED)).hasSize(1);
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
    }

    /** One observation a second from xen-2 and xen-3 (and xen-1 when its probe is alive), with peer checks. */
    private void rounds(int seconds, SourceStatus xen1FromPeers, boolean xen1Probe) {
        for (int second = 0; second < seconds; second++) {
            if (xen1Probe) {
                harness.observe(Observations.from("xen-1", sequence).running("web01")
                        .peer("xen-2", SourceStatus.OK).peer("xen-3", SourceStatus.OK));
            }
            harness.observe(Observations.from("xen-2", sequence).running("db01")
                    .peer("xen-1", xen1FromPeers).peer("xen-3", SourceStatus.OK));
            harness.observe(Observations.from("xen-3", sequence++).running("app01")
                    .peer("xen-1", xen1FromPeers).peer("xen-2", SourceStatus.OK));
            harness.pass(Duration.ofSeconds(1));
        }
    }
}
