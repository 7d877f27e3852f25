package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.simulator.ActionKind;
import io.xenpulse.simulator.ActionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every incident ends recovered or held for an operator, never stuck. Judged at the end of a run whose last
 * stretch was quiet: a VM that runs nowhere in the simulator must have a decision, taken after it went down,
 * that holds it (or every VM of the node it died on) for operators, or have died on a node whose newest
 * decision still holds it for operators (a node left to an operator holds whatever dies on it later), or
 * still be held by its own newest decision (a VM already left to an operator stays left to them).
 */
public final class NoStuckIncident implements Invariant {

    private static final Set<ActionKind> ENDINGS = Set.of(ActionKind.VM_CRASH, ActionKind.VM_KILLED_BY_POWER_OFF,
            ActionKind.VM_STOP, ActionKind.MIGRATION_ABORTED);

    @Override
    public String name() {
        return "every-incident-recovered-or-held";
    }

    @Override
    public List<Violation> check(ScenarioRun run) {
        final List<Violation> violations = new ArrayList<>();
        final List<ActionRecord> log = run.cluster().actionLog().entries();
        for (String vm : run.cluster().vms().stream().sorted().toList()) {
            if (!run.cluster().locate(vm).isEmpty()) {
                continue;
            }
            final Optional<ActionRecord> ended = log.stream()
                    .filter(r -> ENDINGS.contains(r.kind()) && r.vm().filter(vm::equals).isPresent())
                    .max(Comparator.comparing(ActionRecord::at));
            final Instant downSince = ended.map(ActionRecord::at).orElse(run.timeline().start());
            final String node = ended.map(ActionRecord::node).orElse(null);
            final boolean held = OperatorHolds.heldSince(run.timeline().decisions(), vm, node, downSince)
                    || OperatorHolds.vmStillHeld(run.timeline().decisions(), vm)
                    || (node != null && OperatorHolds.nodeStillHeld(run.timeline().decisions(), node));
            if (!held) {
                violations.add(new Violation(name(), run.now(), vm + " down since " + run.timeline().offset(downSince)
                        + ended.map(r -> " (" + r.kind() + " on " + r.node() + ")").orElse("")
                        + ", neither recovered nor held for an operator"));
            }
        }
        return violations;
    }
}
