package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Safety rules whose removal mutation testing showed no other test would notice. */
class SafetyRulesTest {

    private static final List<String> NODES = List.of("xen-1", "xen-2", "xen-3");

    private final CorrelatorHarness harness = new CorrelatorHarness();
    private long sequence = 1;

    @Test
    void shouldNeverRestartXendNorFenceANodeInMaintenance() {
        // given
        harness.inventory(NODES, List.of("xen-1"));
        round(Observations.from("xen-1", sequence).running("web01"));
        // when: xend stays down on xen-1 for two minutes
        for (int second = 0; second < 120; second++) {
            round(Observations.from("xen-1", sequence).xendDown());
        }
        // then
        assertThat(harness.commands).isEmpty();
    }

    @Test
    void shouldNotRecoverAVmWhoseNodeIsInMaintenance() {
        // given
        harness.inventory(NODES, List.of("xen-1"));
        round(Observations.from("xen-1", sequence).running("web01"));
        // when: web01 is gone from two healthy listings
        round(Observations.from("xen-1", sequence));
        round(Observations.from("xen-1", sequence));
        // then
        assertThat(harness.vmCommands()).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_HELD)).extracting(d -> d.getReason()).anyMatch(r -> r.contains("maintenance"));
    }

    @Test
    void shouldHoldAVmWhoseRecoveryGotNoResultBeforeItExpired() {
        // given
        final RecoveryCommand restart = web01DiesOnXen1();
        // when: no result for longer than the command's lifetime
        for (long s = 0; s <= CorrelatorHarness.POLICY.commandTtl().toSeconds(); s++) {
            round(Observations.from("xen-1", sequence));
        }
        // then
        assertThat(harness.decisionsBy(Rule.VM_RECOVERY_FAILED)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains(restart.getKind() + " got no result before it expired"));
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.HELD);
    }

    @Test
    void shouldNotExpireAVmCommandWhileItsResultMayStillBeInTheBacklog() {
        // given: a restart in flight, and the correlator away from just before it expires
        web01DiesOnXen1();
        final RecoveryCommand restart = harness.lastCommand(CommandKind.RESTART_VM);
        for (int second = 0; second < 50; second++) {
            round(Observations.from("xen-1", sequence));
        }
        harness.correlatorAway(Duration.ofSeconds(15));
        // when: it comes back after the expiry, ticks, and then reads the result
        harness.tick();
        harness.result(restart, ResultStatus.DONE, false);
        // then
        assertThat(harness.decisionsBy(Rule.VM_RECOVERY_FAILED)).isEmpty();
        assertThat(harness.decisionsBy(Rule.VM_RECOVERED)).hasSize(1);
    }

    @Test
    void shouldWithholdAnyFenceWhileTheCorrelatorCatchesUp() {
        // given: a node whose xend is gone for good, waiting to be fenced, in a trusted view
        final FenceGuard guard = new FenceGuard(CorrelatorHarness.POLICY, new OwnView(CorrelatorHarness.POLICY),
                new PeerWitness(CorrelatorHarness.POLICY));
        final ClusterState cluster = new ClusterState("c1");
        final Instant now = Instant.parse("2026-11-25T10:00:00Z");
        for (String name : NODES) {
            final NodeState node = cluster.nodeOrNew(name);
            node.lastSeenAt = now;
            node.lastCurrentAt = now;
            node.controlPath = ControlPath.HEALTHY;
        }
        final NodeState target = cluster.node("xen-1").orElseThrow();
        target.phase = NodePhase.AWAITING_FENCE;
        cluster.trustedSince = now.minus(CorrelatorHarness.POLICY.nodeLostAfter()).minusSeconds(1);
        assertThat(guard.objectionTo(cluster, target, now)).isEmpty();
        // when: the view was found untrustworthy a moment ago
        cluster.trustedSince = now.minusSeconds(1);
        // then
        assertThat(guard.objectionTo(cluster, target, now)).get().asString().contains("catching up");
    }

    @Test
    void shouldNotFenceANodeWhoseObservationsAreReadLateBecauseOfALongOpenTransaction() {
        // when: xen-1's observations become readable only 35 s after they reached the log, for two minutes
        for (int second = 0; second < 120; second++) {
            harness.observeLoggedAt(Observations.from("xen-1", sequence).running("web01"), harness.now.minusSeconds(35));
            round(null);
        }
        // then
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
    }

    @Test
    void shouldForgetWhatAFencedNodeListedSoItsNextBootDoesNotBlockRestartsElsewhere() {
        // given: xen-1 fenced OFF, web01 relocated to and running on another node
        for (int second = 0; second < 3; second++) {
            round(Observations.from("xen-1", sequence).running("web01"));
        }
        for (int second = 0; second < 31; second++) {
            round(null);
        }
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.DONE, true);
        final RecoveryCommand relocation = harness.lastCommand(CommandKind.RELOCATE_VM);
        harness.result(relocation, ResultStatus.DONE, false);
        final String target = relocation.getTargetNode();
        // when: xen-1 rejoins with xend down (its listings prove nothing), and web01 then dies on its new node
        harness.observe(Observations.from("xen-1", 1).boot("boot-bbbbbbbb").xendDown());
        for (int second = 0; second < 3; second++) {
            harness.observe(Observations.from(target, sequence).running(target.equals("xen-2") ? "db01" : "app01"));
            round(null);
        }
        // then: it is restarted where it died
        final RecoveryCommand restart = harness.lastCommand(CommandKind.RESTART_VM);
        assertThat(restart.getVm()).isEqualTo("web01");
        assertThat(restart.getTargetNode()).isEqualTo(target);
    }

    @Test
    void shouldRelocateOnlyToAHealthyNodeOutsideMaintenance() {
        // given: four nodes, xen-3 in maintenance; xen-1 will be fenced, xen-2's xend is down
        harness.inventory(List.of("xen-1", "xen-2", "xen-3", "xen-4"), List.of("xen-3"),
                CorrelatorHarness.vm("web01", "xen-1", RecoveryPolicy.RESTART, DesiredState.RUNNING),
                CorrelatorHarness.vm("web02", "xen-1", RecoveryPolicy.RESTART, DesiredState.RUNNING));
        for (int second = 0; second < 34; second++) {
            if (second < 3) {
                harness.observe(Observations.from("xen-1", sequence).running("web01", "web02"));
            }
            harness.observe(Observations.from("xen-2", sequence).running("db01")
                    .peer("xen-1", io.xenpulse.schemas.observation.SourceStatus.DOWN));
            harness.observe(Observations.from("xen-3", sequence).running("app01"));
            harness.observe(Observations.from("xen-4", sequence++));
            harness.pass(Duration.ofSeconds(1));
        }
        harness.observe(Observations.from("xen-2", sequence).xendDown());
        // when
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.DONE, true);
        // then
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).extracting(RecoveryCommand::getTargetNode)
                .containsOnly("xen-4");
    }

    private RecoveryCommand web01DiesOnXen1() {
        round(Observations.from("xen-1", sequence).running("web01"));
        round(Observations.from("xen-1", sequence));
        round(Observations.from("xen-1", sequence));
        return harness.lastCommand(CommandKind.RESTART_VM);
    }

    /** One second: xen-1's observation (if any), healthy xen-2 and xen-3, then a tick. */
    private void round(Observations xen1) {
        if (xen1 != null) {
            harness.observe(xen1);
        }
        harness.observe(Observations.from("xen-2", sequence).running("db01"));
        harness.observe(Observations.from("xen-3", sequence++).running("app01"));
        harness.pass(Duration.ofSeconds(1));
    }
}
