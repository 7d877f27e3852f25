package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import java.time.Duration;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Invariant 9: a node is judged by the toolstack it runs; a daemon it does not run is never restarted. */
class ToolstackTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldNeverRestartXendOnAnXlOnlyNode() {
        // when: an xl-only node reports healthy xl listings for two minutes
        rounds(120, seq -> Observations.from("xen-1", seq).xlOnly().xlRunning("web01"));
        // then
        assertThat(harness.commands).isEmpty();
        assertThat(harness.decisionsBy(Rule.DAEMON_OUTAGE_GRACE)).isEmpty();
        assertThat(harness.state.node("xen-1").orElseThrow().controlPath()).isEqualTo(ControlPath.HEALTHY);
    }

    @Test
    void shouldJudgeAProbeThatPredatesTheToolstackFieldByWhatItReports() {
        // when: no xend check and no xm listing, only xl
        rounds(120, seq -> Observations.from("xen-1", seq).xlOnly().undeclaredToolstack().xlRunning("web01"));
        // then
        assertThat(harness.commands).isEmpty();
        assertThat(harness.state.node("xen-1").orElseThrow().controlPath()).isEqualTo(ControlPath.HEALTHY);
    }

    @Test
    void shouldConfirmAVmDeadFromTwoHealthyXlListingsOnAnXlOnlyNode() {
        // given
        rounds(3, seq -> Observations.from("xen-1", seq).xlOnly().xlRunning("web01"));
        // when: web01 is gone from two later xl listings
        rounds(2, seq -> Observations.from("xen-1", seq).xlOnly());
        // then
        final var restart = harness.lastCommand(CommandKind.RESTART_VM);
        assertThat(restart.getVm()).isEqualTo("web01");
        assertThat(restart.getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldNotConfirmDeathOnAnXlOnlyNodeWhoseXlListingIsRefused() {
        // given
        rounds(3, seq -> Observations.from("xen-1", seq).xlOnly().xlRunning("web01"));
        // when
        rounds(5, seq -> Observations.from("xen-1", seq).xlOnly().xlDown());
        // then
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.UNKNOWN);
    }

    @Test
    void shouldFenceAnXlNodeWhoseXenstoredStaysDownOnlyAfterTheFullLadderWithoutRestartingIt() {
        // given
        final long ladder = CorrelatorHarness.POLICY.escalationWithoutRestart().toSeconds();
        twoHealthyXmPeersAnd(3, seq -> Observations.from("xen-1", seq).xlOnly().xlRunning("web01"));
        // when: xl list refused for just under the ladder's time
        twoHealthyXmPeersAnd(ladder - 1, seq -> Observations.from("xen-1", seq).xlOnly().xlDown());
        assertThat(harness.commands).isEmpty();
        twoHealthyXmPeersAnd(3, seq -> Observations.from("xen-1", seq).xlOnly().xlDown());
        // then
        assertThat(harness.commandsOf(CommandKind.RESTART_DAEMON)).isEmpty();
        assertThat(harness.lastCommand(CommandKind.FENCE_NODE).getTargetNode()).isEqualTo("xen-1");
    }

    @Test
    void shouldReportANodeWithoutListingToolsAsAConfigurationProblemNeverAFailingDaemon() {
        // when
        twoHealthyXmPeersAnd(180, seq -> Observations.from("xen-1", seq).noListingTool());
        // then
        assertThat(harness.decisionsBy(Rule.NODE_UNMONITORABLE)).hasSize(1);
        assertThat(harness.commands).isEmpty();
        assertThat(harness.decisionsBy(Rule.DAEMON_OUTAGE_GRACE)).isEmpty();
    }

    private void rounds(long seconds, LongFunction<Observations> xen1) {
        for (long second = 0; second < seconds; second++) {
            harness.observe(xen1.apply(sequence++));
            harness.pass(Duration.ofSeconds(1));
        }
    }

    private void twoHealthyXmPeersAnd(long seconds, LongFunction<Observations> xen1) {
        for (long second = 0; second < seconds; second++) {
            harness.observe(xen1.apply(sequence));
            harness.observe(Observations.from("xen-2", sequence).running("db01"));
            harness.observe(Observations.from("xen-3", sequence++).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
    }
}
