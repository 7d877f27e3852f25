package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.util.Map;
import java.util.Optional;

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
 * </ul>
 */
public final class StartPrecondition {

    private final ActuatorMemory memory;

    public StartPrecondition(ActuatorMemory memory) {
        this.memory = memory;
    }

    /** Why the command must not start the VM now; empty when it may. */
    public Optional<String> unmet(RecoveryCommand command) {
        final CommandKind kind = command.getKind();
        if (kind != CommandKind.RELOCATE_VM && kind != CommandKind.RESTART_VM) {
            return Optional.empty();
        }
        final String vm = command.getVm();
        if (kind == CommandKind.RELOCATE_VM) {
            final String source = command.getSourceNode();
            final boolean sourceDown = memory.history(command.getCluster(), source)
                    .map(history -> history.provesDown(vm))
                    .orElse(false);
            if (!sourceDown) {
                return Optional.of("no FENCE_NODE of " + source + " verified OFF and no successful STOP_VM of "
                        + vm + " there, newer than " + vm + "'s last start there");
            }
        }
        return startedElsewhere(command);
    }

    private Optional<String> startedElsewhere(RecoveryCommand command) {
        final String vm = command.getVm();
        for (Map.Entry<String, NodeHistory> node : memory.nodesOf(command.getCluster()).entrySet()) {
            final boolean elsewhere = !node.getKey().equals(command.getTargetNode());
            if (elsewhere && node.getValue().mayHaveStarted(vm) && !node.getValue().provesDown(vm)) {
                return Optional.of(vm + " was started on " + node.getKey()
                        + " and is not proven down there (no later verified fence or stop)");
            }
        }
        return Optional.empty();
    }
}
