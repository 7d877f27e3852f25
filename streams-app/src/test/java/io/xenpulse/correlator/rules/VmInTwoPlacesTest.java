package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invariant 1 across nodes: a VM that moves, or runs in two places, is never restarted where it was. */
class VmInTwoPlacesTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldNeverConfirmAVmDeadWhileItMigratesAndTheDestinationIsLate() {
        // given: web01 on xen-1, then listed as migrating there
        round("xen-1", "web01");
        harness.observe(Observations.from("xen-1", sequence++).migrating("web01"));
        // when: xen-1 lists it absent twice, healthy, before the late xen-2 reports it
        round("xen-1");
        round("xen-1");
        round("xen-1");
        harness.observe(Observations.from("xen-2", sequence++).running("web01"));
        // then
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_MIGRATING)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.VM_MIGRATED)).hasSize(1);
        assertThat(harness.state.vm("web01").orElseThrow().node()).isEqualTo("xen-2");
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void shouldHoldAMigrationThatIsNeverSeenCompleting() {
        // given
        round("xen-1", "web01");
        harness.observe(Observations.from("xen-1", sequence++).migrating("web01"));
        // when: nobody lists web01 running for longer than the migration bound
        for (long s = 0; s <= CorrelatorHarness.POLICY.migrationTimeout().toSeconds(); s++) {
            round("xen-1");
        }
        // then
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_MIGRATION_STALLED)).hasSize(1);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldNotMistakeAQuickMigrationBetweenTwoProbeCyclesForADoubleRun() {
        // given: web01 on xen-1
        round("xen-1", "web01");
        // when: the migration falls between two cycles: xen-2 lists it, then xen-1 no longer does
        harness.observe(Observations.from("xen-2", sequence++).running("web01"));
        round("xen-1");
        round("xen-1");
        round("xen-2", "web01");
        // then
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE)).isEmpty();
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().node()).isEqualTo("xen-2");
    }

    @Test
    void shouldReportAVmListedRunningOnTwoNodesAtOnce() {
        // given
        round("xen-1", "web01");
        // when: xen-2 lists it while xen-1 still does
        harness.observe(Observations.from("xen-2", sequence++).running("web01"));
        round("xen-1", "web01");
        round("xen-2", "web01");
        // then: one critical decision, the VM held, no command
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE).get(0).getReason()).contains("xen-1", "xen-2");
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE).get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldReportAVmThatAppearsOnANodeWhileTheNodeThatRanItCannotBeSeen() {
        // given: web01 on xen-1, whose probe then dies (the node may be fine, web01 may still run there)
        round("xen-1", "web01");
        for (long s = 0; s <= CorrelatorHarness.POLICY.nodeSilentAfter().toSeconds(); s++) {
            round("xen-2");
        }
        // when: xen-2 (say, rebooted with /etc/xen/auto) lists web01
        round("xen-2", "web01");
        // then
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE).get(0).getReason()).contains("may still run on xen-1");
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldReportARejoiningNodesAutoStartWhileTheNodeTheVmWasStartedOnCannotBeSeen() {
        // given: xen-1 fenced OFF, web01 relocated (the actuator reports it started), then the target's probe dies
        final RecoveryCommand relocation = relocationAfterFence();
        harness.result(relocation, ResultStatus.DONE, false);
        final String target = relocation.getTargetNode();
        final String other = target.equals("xen-2") ? "xen-3" : "xen-2";
        for (long s = 0; s <= CorrelatorHarness.POLICY.nodeSilentAfter().toSeconds(); s++) {
            round(other);
        }
        // when: xen-1 rejoins and its /etc/xen/auto starts web01 again
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb").running("web01"));
        // then
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_TWICE)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains("may still run on " + target));
    }

    @Test
    void shouldTrackAVmAgainOnceItRunsInOnePlace() {
        // given: web01 ran on xen-1 and xen-2 at once
        round("xen-1", "web01");
        harness.observe(Observations.from("xen-2", sequence++).running("web01"));
        round("xen-1", "web01");
        // when: an operator destroys the copy on xen-1
        round("xen-1");
        round("xen-2", "web01");
        // then
        assertThat(harness.decisionsBy(Rule.VM_RUNNING_ONCE_AGAIN)).hasSize(1);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(harness.state.vm("web01").orElseThrow().node()).isEqualTo("xen-2");
    }

    @Test
    void shouldNeverRestartInPlaceAVmThatMayStillRunOnANodeThatNeverProvedItGone() {
        // given: web01 listed on xen-2, whose xend then dies (its listings prove nothing any more)
        round("xen-2", "web01");
        harness.observe(Observations.from("xen-2", sequence++).xendDown());
        // when: web01 shows up on xen-1 and then vanishes from two healthy listings there
        round("xen-1", "web01");
        round("xen-1");
        round("xen-1");
        round("xen-1");
        // then: it may run on xen-2: no restart on xen-1
        assertThat(harness.commandsOf(CommandKind.RESTART_VM)).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_FOLLOWED_ELSEWHERE)).isNotEmpty();
    }

    @Test
    void shouldHoldARecoveringVmSeenRunningOnAnotherNodeAndNotRetryItsRelocation() {
        // given: xen-1 fenced OFF, web01 being relocated to another node
        final RecoveryCommand relocation = relocationAfterFence();
        // when: xen-1 comes back with a new boot and auto-starts web01
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb").running("web01"));
        harness.result(relocation, ResultStatus.TIMEOUT, false);
        harness.pass(Duration.ofSeconds(1));
        // then
        assertThat(harness.decisionsBy(Rule.VM_SEEN_ELSEWHERE)).hasSize(1);
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).hasSize(1);
    }

    @Test
    void shouldPassARetriedRelocationThroughTheStartGate() {
        // given: xen-1 fenced OFF, web01 being relocated
        final RecoveryCommand relocation = relocationAfterFence();
        // when: xen-1 comes back (a new boot: its fence no longer covers it), then the relocation times out
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb").xendDown());
        harness.result(relocation, ResultStatus.TIMEOUT, false);
        // then: no retry on the strength of the old fence
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.VM_HELD)).isNotEmpty();
    }

    private RecoveryCommand relocationAfterFence() {
        for (int second = 0; second < 3; second++) {
            harness.observe(Observations.from("xen-1", sequence).running("web01"));
            otherNodes();
            harness.pass(Duration.ofSeconds(1));
        }
        for (int second = 0; second < 31; second++) {
            otherNodes();
            harness.pass(Duration.ofSeconds(1));
        }
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.DONE, true);
        return harness.lastCommand(CommandKind.RELOCATE_VM);
    }

    private void otherNodes() {
        harness.observe(Observations.from("xen-2", sequence).running("db01"));
        harness.observe(Observations.from("xen-3", sequence++).running("app01"));
    }

    /** One healthy observation of {@code node} listing {@code vms}, then a second passes. */
    private void round(String node, String... vms) {
        harness.observe(Observations.from(node, sequence++).running(vms));
        harness.pass(Duration.ofSeconds(1));
    }
}
