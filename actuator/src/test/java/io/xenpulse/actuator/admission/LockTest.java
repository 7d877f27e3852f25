package io.xenpulse.actuator.admission;

import static io.xenpulse.actuator.fixtures.Commands.CLUSTER;
import static io.xenpulse.actuator.fixtures.Commands.fence;
import static io.xenpulse.actuator.fixtures.Commands.relocate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockTest {

    @Test
    void shouldLockTargetAndSourceNodesAndTheVmOfRelocation() {
        assertThat(Lock.neededBy(relocate("r1", "web01", "n1", "n2"))).containsExactlyInAnyOrder(
                Lock.node(CLUSTER, "n2"), Lock.node(CLUSTER, "n1"), Lock.vm(CLUSTER, "web01"));
    }

    @Test
    void shouldLockOnlyTheNodeOfFence() {
        assertThat(Lock.neededBy(fence("f1", "n1"))).containsExactly(Lock.node(CLUSTER, "n1"));
    }

    @Test
    void shouldNotConfuseNodeAndVmOfSameName() {
        assertThat(Lock.node(CLUSTER, "x")).isNotEqualTo(Lock.vm(CLUSTER, "x"));
    }

    @Test
    void shouldNameTypeClusterAndNameWhenLogged() {
        assertThat(Lock.vm(CLUSTER, "web01")).hasToString("vm c1/web01");
    }
}
