package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Invariant 1: a VM starts elsewhere only after a confirmed stop or a fence verified OFF of that boot. */
class StartGateTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-25T10:00:00Z");

    private final StartGate safety = new StartGate(CorrelatorHarness.POLICY);
    private final ClusterState cluster = new ClusterState("c1");
    private final NodeState source = seen("xen-1");
    private final VmState vm = cluster.vmOrNew("web01", "xen-1");

    @Test
    void shouldObjectWhileTheSourceIsMerelyUnreachable() {
        source.bootId = "boot-1";
        source.phase = NodePhase.AWAITING_FENCE;
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isPresent();
    }

    @Test
    void shouldAllowAfterAFenceVerifiedOffOfTheSameBoot() {
        sourceFencedOff();
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isEmpty();
    }

    @Test
    void shouldObjectToAStaleFenceOfAnEarlierBoot() {
        source.bootId = "boot-2";
        source.phase = NodePhase.FENCED;
        source.fencedBootId = "boot-1";
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isPresent();
    }

    @Test
    void shouldAllowAfterAConfirmedStopOnTheSource() {
        source.bootId = "boot-1";
        vm.stopConfirmed = true;
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isEmpty();
    }

    @Test
    void shouldObjectToAStopConfirmedOnAnotherNode() {
        source.bootId = "boot-1";
        vm.stopConfirmed = true;
        vm.node = "xen-2";
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isPresent();
    }

    @Test
    void shouldNotRestartInPlaceWhileAnotherNodeMayStillRunTheVm() {
        seen("xen-2").bootId = "boot-2";
        VmSightings.seen(vm, "xen-2", java.time.Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(safety.objectionToRestartOn(cluster, vm, "xen-1", NOW)).get().asString().contains("xen-2");
        assertThat(safety.objectionToRestartOn(cluster, vm, "xen-2", NOW)).isEmpty();
    }

    @Test
    void shouldNotStartElsewhereWhileAThirdNodeMayStillRunTheVm() {
        // given: the source is fenced OFF, but xen-3 listed the VM and never proved it gone
        sourceFencedOff();
        seen("xen-3").bootId = "boot-3";
        VmSightings.seen(vm, "xen-3", java.time.Instant.parse("2026-11-25T10:00:00Z"));
        // then
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).get().asString().contains("xen-3");
    }

    @Test
    void shouldIgnoreWhatANodeFencedOffListedBefore() {
        sourceFencedOff();
        VmSightings.seen(vm, "xen-1", java.time.Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).isEmpty();
    }

    private void sourceFencedOff() {
        source.bootId = "boot-1";
        source.phase = NodePhase.FENCED;
        source.fencedBootId = "boot-1";
    }

    @Test
    void shouldNotStartAVmWhileANodeThatMayHaveTakenItCannotBeSeen() {
        // given: the source is fenced OFF; xen-3 is up but its probe has said nothing current for a while
        sourceFencedOff();
        seen("xen-3").lastCurrentAt = NOW.minus(CorrelatorHarness.POLICY.nodeSilentAfter());
        // then
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2", NOW)).get().asString()
                .contains("xen-3 cannot be seen");
        assertThat(safety.objectionToRestartOn(cluster, vm, "xen-1", NOW)).get().asString().contains("xen-3");
    }

    /** A node whose latest observation is current. */
    private NodeState seen(String name) {
        final NodeState node = cluster.nodeOrNew(name);
        node.lastCurrentAt = NOW;
        return node;
    }
}
