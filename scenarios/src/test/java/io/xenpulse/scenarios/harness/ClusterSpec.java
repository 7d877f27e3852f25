package io.xenpulse.scenarios.harness;

import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.inventory.VmSpec;
import io.xenpulse.schemas.observation.Toolstack;
import io.xenpulse.simulator.ClusterBuilder;
import io.xenpulse.simulator.SimulatedCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster of a scenario: its nodes and their toolstack, its VMs with their home node, recovery policy and
 * whether the home node's {@code /etc/xen/auto} starts them, and how long a node takes to boot once powered on
 * (zero: a scenario that reboots a node models the whole reboot with its time off). Gives both the simulated
 * cluster and the operators' inventory the correlator reads, so the two always agree.
 */
public record ClusterSpec(String clusterId, List<Node> nodes, List<Vm> vms, int minHealthyNodes, Duration bootTime) {

    public record Node(String name, Toolstack toolstack) {
    }

    public record Vm(String name, String home, RecoveryPolicy policy, boolean autoStart) {
    }

    public ClusterSpec {
        nodes = List.copyOf(nodes);
        vms = List.copyOf(vms);
    }

    public static Builder named(String clusterId) {
        return new Builder(clusterId);
    }

    public List<String> nodeNames() {
        return nodes.stream().map(Node::name).toList();
    }

    public Toolstack toolstackOf(String node) {
        return nodes.stream().filter(n -> n.name().equals(node)).map(Node::toolstack).findFirst().orElseThrow();
    }

    public SimulatedCluster simulate(Clock clock) {
        final ClusterBuilder builder = SimulatedCluster.builder(clusterId, clock).bootTime(bootTime);
        for (Node node : nodes) {
            if (node.toolstack() == Toolstack.XL) {
                builder.xlNode(node.name());
            } else {
                builder.node(node.name());
            }
        }
        for (Vm vm : vms) {
            builder.vm(vm.name(), vm.home());
            if (vm.autoStart()) {
                builder.autoStart(vm.name());
            }
        }
        return builder.build();
    }

    public ClusterInventory inventory(Instant at) {
        return ClusterInventory.newBuilder()
                .setCluster(clusterId)
                .setNodes(nodeNames())
                .setMinHealthyNodes(minHealthyNodes)
                .setVms(vms.stream().map(vm -> VmSpec.newBuilder().setName(vm.name()).setHomeNode(vm.home())
                        .setPolicy(vm.policy()).setDesiredState(DesiredState.RUNNING).build()).toList())
                .setUpdatedAt(at)
                .build();
    }

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder(clusterId).append(": nodes");
        nodes.forEach(n -> text.append(' ').append(n.name()).append(n.toolstack() == Toolstack.XL ? "(xl-only)" : ""));
        text.append("; vms");
        vms.forEach(vm -> text.append(' ').append(vm.name()).append('@').append(vm.home())
                .append(vm.policy() == RecoveryPolicy.RELOCATE ? "(relocate)" : "")
                .append(vm.autoStart() ? "(auto)" : ""));
        return text.append("; boot ").append(bootTime.toSeconds()).append(" s").toString();
    }

    /** Declares a cluster node by node and VM by VM. */
    public static final class Builder {

        private final String clusterId;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Vm> vms = new ArrayList<>();
        private int minHealthyNodes = 1;
        private Duration bootTime = Duration.ZERO;

        private Builder(String clusterId) {
            this.clusterId = clusterId;
        }

        public Builder node(String name) {
            nodes.add(new Node(name, Toolstack.XM));
            return this;
        }

        public Builder xlNode(String name) {
            nodes.add(new Node(name, Toolstack.XL));
            return this;
        }

        public Builder vm(String name, String home) {
            return vm(name, home, RecoveryPolicy.RESTART, false);
        }

        public Builder vm(String name, String home, RecoveryPolicy policy, boolean autoStart) {
            vms.add(new Vm(name, home, policy, autoStart));
            return this;
        }

        public Builder minHealthyNodes(int minimum) {
            this.minHealthyNodes = minimum;
            return this;
        }

        public Builder bootTime(Duration time) {
            this.bootTime = time;
            return this;
        }

        public ClusterSpec build() {
            return new ClusterSpec(clusterId, nodes, vms, minHealthyNodes, bootTime);
        }
    }
}
