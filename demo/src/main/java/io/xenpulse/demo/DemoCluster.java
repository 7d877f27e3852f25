package io.xenpulse.demo;

import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.inventory.VmSpec;
import io.xenpulse.simulator.ClusterBuilder;
import io.xenpulse.simulator.SimulatedCluster;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's cluster: four Xen nodes sharing storage, thirty VMs spread over them (databases relocate, the
 * rest restart in place), and one VM an operator stopped on purpose, which must never be started.
 */
final class DemoCluster {

    static final String CLUSTER = "demo";
    static final List<String> NODES = List.of("xen-1", "xen-2", "xen-3", "xen-4");
    static final String DELIBERATELY_STOPPED = "batch01";
    private static final int VMS = 30;
    private static final String[] ROLES = {"web", "app", "db"};

    private DemoCluster() {
    }

    static SimulatedCluster simulate(Clock clock) {
        final ClusterBuilder builder = SimulatedCluster.builder(CLUSTER, clock);
        NODES.forEach(builder::node);
        for (VmSpec vm : vms()) {
            if (vm.getDesiredState() == DesiredState.RUNNING) {
                builder.vm(vm.getName(), vm.getHomeNode());
            }
        }
        return builder.build();
    }

    static ClusterInventory inventory(Instant now) {
        return ClusterInventory.newBuilder()
                .setCluster(CLUSTER)
                .setNodes(NODES)
                .setMinHealthyNodes(2)
                .setVms(vms())
                .setUpdatedAt(now)
                .build();
    }

    static List<VmSpec> vms() {
        final List<VmSpec> vms = new ArrayList<>();
        for (int i = 0; i < VMS; i++) {
            final String role = ROLES[i % ROLES.length];
            vms.add(VmSpec.newBuilder()
                    .setName(String.format(Locale.ROOT, "%s%02d", role, i / ROLES.length + 1))
                    .setHomeNode(NODES.get(i % NODES.size()))
                    .setPolicy("db".equals(role) ? RecoveryPolicy.RELOCATE : RecoveryPolicy.RESTART)
                    .build());
        }
        vms.add(VmSpec.newBuilder().setName(DELIBERATELY_STOPPED).setHomeNode(NODES.get(0))
                .setDesiredState(DesiredState.STOPPED).build());
        return vms;
    }
}
