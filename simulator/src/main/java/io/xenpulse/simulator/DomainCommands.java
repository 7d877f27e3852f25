package io.xenpulse.simulator;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code xm}/{@code xl create} and {@code destroy} on one node, worded like the real tools: they need the node
 * up and, on a classic node, a healthy xend; a start is checked against the double-run monitor at once.
 * Destroying a domain ends any live migration it took part in. Used under the cluster's lock.
 */
final class DomainCommands {

    private final SimulatedCluster cluster;
    private final String node;
    private final HostedDomains domains;
    private final NodeDaemons daemons;
    private final BooleanSupplier up;

    DomainCommands(SimulatedCluster cluster, String node, HostedDomains domains, NodeDaemons daemons,
            BooleanSupplier up) {
        this.cluster = cluster;
        this.node = node;
        this.domains = domains;
        this.daemons = daemons;
        this.up = up;
    }

    ActionOutcome start(String vm, ActionOrigin origin) {
        final ActionOutcome outcome = toolUnavailable("create").orElseGet(() -> create(vm));
        cluster.record(node, ActionKind.VM_START, vm, origin, outcome);
        cluster.checkInvariants();
        return outcome;
    }

    ActionOutcome stop(String vm) {
        final ActionOutcome outcome = toolUnavailable("destroy").orElseGet(() -> destroy(vm));
        return cluster.record(node, ActionKind.VM_STOP, vm, ActionOrigin.ACTUATOR, outcome);
    }

    /** Destroys a domain, ending any migration it took part in; returns its id. */
    Integer destroyDomain(String vm) {
        if (domains.isMigrating(vm)) {
            cluster.migrationInterrupted(node, vm, cluster.now());
        }
        return domains.destroy(vm);
    }

    /** Why {@code xm}/{@code xl} cannot run {@code subcommand} now, if it cannot. */
    private Optional<ActionOutcome> toolUnavailable(String subcommand) {
        if (!up.getAsBoolean()) {
            return Optional.of(ActionOutcome.failure(XenMessages.nodeUnreachable(node)));
        }
        return daemons.unavailable(subcommand, cluster.toolTimeout());
    }

    private ActionOutcome create(String vm) {
        if (!cluster.hasVmConfig(vm)) {
            return ActionOutcome.failure(XenMessages.noConfigFile(vm));
        }
        final Integer running = domains.idOf(vm);
        if (running != null) {
            return ActionOutcome.failure(XenMessages.domainAlreadyExists(vm, running));
        }
        return ActionOutcome.success(XenMessages.started(vm, domains.create(vm)));
    }

    private ActionOutcome destroy(String vm) {
        final Integer domainId = domains.exists(vm) ? destroyDomain(vm) : null;
        return domainId == null
                ? ActionOutcome.failure(XenMessages.domainDoesNotExist(vm))
                : ActionOutcome.success(XenMessages.destroyed(vm, domainId));
    }
}
