package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Invariant 1: a VM starts elsewhere only after a confirmed stop or a fence verified OFF of that boot. */
class StartGateTest {

    private final StartGate safety = new StartGate();
    private final ClusterState cluster = new ClusterState("c1");
    private final NodeState source = cluster.nodeOrNew("xen-1");
    private final VmState vm = cluster.vmOrNew("web01", "xen-1");

    @Test
    void shouldObjectWhileTheSourceIsMerelyUnreachable() {
        source.bootId = "boot-1";
        source.phase = NodePhase.AWAITING_FENCE;
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2")).isPresent();
    }

    @Test
    void shouldAllowAfterAFenceVerifiedOffOfTheSameBoot() {
        source.bootId = "boot-1";
        source.phase = NodePhase.FENCED;
        source.fencedBootId = "boot-1";
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2")).isEmpty();
    }

    @Test
    void shouldObjectToAStaleFenceOfAnEarlierBoot() {
        source.bootId = "boot-2";
        source.phase = NodePhase.FENCED;
        source.fencedBootId = "boot-1";
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2")).isPresent();
    }

    @Test
    void shouldAllowAfterAConfirmedStopOnTheSource() {
        source.bootId = "boot-1";
        vm.stopConfirmed = true;
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2")).isEmpty();
    }

    @Test
    void shouldObjectToAStopConfirmedOnAnotherNode() {
        source.bootId = "boot-1";
        vm.stopConfirmed = true;
        vm.node = "xen-2";
        assertThat(safety.objectionToStartElsewhere(cluster, vm, "xen-1", "xen-2")).isPresent();
    }
}
