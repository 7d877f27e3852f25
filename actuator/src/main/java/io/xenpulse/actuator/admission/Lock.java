package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.RecoveryCommand;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Something only one command may act on at a time: a node, or a VM (wherever it runs).
 *
 * <p>Node locks give "one action per node at a time" (DESIGN invariant 6). VM locks stop two starts of
 * the same VM from running concurrently on different nodes, which the precondition check could not see
 * because neither result is published yet.
 */
public record Lock(String cluster, Type type, String name) {

    /** What a lock protects. */
    public enum Type { NODE, VM }

    public static Lock node(String cluster, String node) {
        return new Lock(cluster, Type.NODE, node);
    }

    public static Lock vm(String cluster, String vm) {
        return new Lock(cluster, Type.VM, vm);
    }

    /** Every lock a command needs: its target node, the source node of a relocation, and its VM. */
    public static Set<Lock> neededBy(RecoveryCommand command) {
        final Set<Lock> locks = new LinkedHashSet<>();
        final String cluster = command.getCluster();
        locks.add(node(cluster, command.getTargetNode()));
        if (command.getSourceNode() != null) {
            locks.add(node(cluster, command.getSourceNode()));
        }
        if (command.getVm() != null) {
            locks.add(vm(cluster, command.getVm()));
        }
        return locks;
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + " " + cluster + "/" + name;
    }
}
