package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClusterBuilderTest {

    @Test
    void shouldPlaceEveryVmOnItsDeclaredNode() {
        // when
        final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", Clock.systemUTC())
                .node("xen-1").node("xen-2")
                .vm("web01", "xen-1").vm("db01", "xen-2")
                .build();

        // then
        assertThat(cluster.nodes()).extracting(SimulatedNode::name).containsExactly("xen-1", "xen-2");
        assertThat(cluster.node("xen-2").runningDomains()).containsExactly("db01");
        assertThat(cluster.vms()).containsExactlyInAnyOrder("web01", "db01");
    }

    @Test
    void shouldRejectAVmOnAnUndeclaredNode() {
        final ClusterBuilder builder = SimulatedCluster.builder("prod-a", Clock.systemUTC())
                .node("xen-1").vm("web01", "xen-9");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xen-9");
    }

    @Test
    void shouldRejectAVmDeclaredTwice() {
        final ClusterBuilder builder = SimulatedCluster.builder("prod-a", Clock.systemUTC())
                .node("xen-1").vm("web01", "xen-1");

        assertThatThrownBy(() -> builder.vm("web01", "xen-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectAnUnknownNodeName() {
        final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", Clock.systemUTC()).node("xen-1").build();

        assertThatThrownBy(() -> cluster.node("xen-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xen-2");
    }
}
