package io.xenpulse.actuator.admission;

import io.xenpulse.actuator.admission.NodeHistory.DownProof;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The actuator's own check that starting a VM cannot make it run twice (DESIGN invariant 1). It looks
 * only at results the actuator has seen, never at what the correlator claims.
 *
 * <ul>
 *   <li>RELOCATE_VM: the source node must be proven down for the VM &mdash; a FENCE_NODE of it verified
 *       OFF, or a STOP_VM of the VM there that succeeded, newer than the VM's last start there (and, for
 *       a fence, newer than any sign the node was powered on again).</li>
 *   <li>RELOCATE_VM and RESTART_VM: every other node where the actuator itself started (or tried to
 *       start) the VM must also be proven down, so a timed-out relocation or a VM moved away earlier
 *       cannot end up running in two places. RESTART_VM needs no fence of its own node.</li>
 *   <li>Where the proof is a fence, it is of the node's state when fenced: the node may have been
 *       powered on since. Those nodes are named in the answer, for a power check before the start.</li>
 * </ul>
 */
public final class StartPrecondition {

    private final ActuatorMemory memory;

    public StartPrecondition(ActuatorMemory memory) {
        this.memory = memory;
    }

    /** Whether the command may start its VM, and which fences that rests on. */
    public StartProof check(RecoveryCommand command) {
        final CommandKind kind = command.getKind();
        if (kind != CommandKind.RELOCATE_VM && kind != CommandKind.RESTART_VM) {
            return new StartProof.Proven(List.of());
        }
        final String vm = command.getVm();
        final SortedSet<String> fenced = new TreeSet<>();
        if (kind == CommandKind.RELOCATE_VM) {
            final String source = command.getSourceNode();
            final DownProof proof = memory.history(command.getCluster(), source)
                    .map(history -> history.downProof(vm))
                    .orElse(DownProof.NONE);
            if (proof == DownProof.NONE) {
                return new StartProof.Unproven("no FENCE_NODE of " + source + " verified OFF and no successful "
                        + "STOP_VM of " + vm + " there, newer than " + vm + "'s last start there");
            }
            if (proof == DownProof.FENCE) {
                fenced.add(source);
            }
        }
        final Optional<String> running = startedElsewhere(command, fenced);
        return running.<StartProof>map(StartProof.Unproven::new)
                .orElseGet(() -> new StartProof.Proven(List.copyOf(fenced)));
    }

    /** A node other than the target where the VM may run; adds the nodes proven by a fence to {@code fenced}. */
    private Optional<String> startedElsewhere(RecoveryCommand command, SortedSet<String> fenced) {
        final String vm = command.getVm();
        for (Map.Entry<String, NodeHistory> node : memory.nodesOf(command.getCluster()).entrySet()) {
            final boolean elsewhere = !node.getKey().equals(command.getTargetNode());
            if (!elsewhere || !node.getValue().mayHaveStarted(vm)) {
                continue;
            }
            final DownProof proof = node.getValue().downProof(vm);
            if (proof == DownProof.NONE) {
                return Optional.of(vm + " was started on " + node.getKey()
                        + " and is not proven down there (no later verified fence or stop)");
            }
            if (proof == DownProof.FENCE) {
                fenced.add(node.getKey());
            }
        }
        return Optional.empty();
    }
}
