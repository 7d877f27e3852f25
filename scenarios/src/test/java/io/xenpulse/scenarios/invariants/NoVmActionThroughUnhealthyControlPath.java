package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.TargetContext.ControlPathSeen;
import io.xenpulse.scenarios.harness.Timeline.IssuedCommand;
import io.xenpulse.schemas.command.CommandKind;
import java.util.List;
import java.util.Set;

/**
 * DESIGN invariants 2 and 3: no VM is stopped or started on a node whose control path was not healthy in
 * the newest observation of that node the correlator had read when it issued the command (or that it had
 * never heard from). Judged from the observations, so a daemon that died after the correlator's last look is
 * no violation: no cluster manager could have known.
 */
public final class NoVmActionThroughUnhealthyControlPath implements Invariant {

    private static final Set<CommandKind> VM_ACTIONS = Set.of(CommandKind.STOP_VM, CommandKind.RESTART_VM,
            CommandKind.RELOCATE_VM);

    @Override
    public String name() {
        return "no-vm-action-through-unhealthy-control-path";
    }

    @Override
    public List<Violation> check(ScenarioRun run) {
        return run.commands().stream()
                .filter(c -> VM_ACTIONS.contains(c.command().getKind()))
                .filter(c -> c.target().lastReadControlPath() != ControlPathSeen.HEALTHY)
                .map(this::violation)
                .toList();
    }

    private Violation violation(IssuedCommand issued) {
        return new Violation(name(), issued.issuedAt(), issued.command().getKind() + " of "
                + issued.command().getVm() + " on " + issued.command().getTargetNode() + " whose control path was "
                + issued.target().lastReadControlPath() + " in the last observation read");
    }
}
