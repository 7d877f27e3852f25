package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import java.util.ArrayList;
import java.util.List;

/** The five safety invariants of issue 7's proof, checked together after a run. */
public final class SafetyInvariants {

    public static final List<Invariant> ALL = List.of(
            new NoDoubleRun(),
            new NoVmActionThroughUnhealthyControlPath(),
            new NoFenceOfNodeOnlyItsProbeLost(),
            new NoFenceWhileCatchingUp(),
            new NoStuckIncident());

    private SafetyInvariants() {
    }

    public static List<Violation> check(ScenarioRun run) {
        final List<Violation> violations = new ArrayList<>();
        ALL.forEach(invariant -> violations.addAll(invariant.check(run)));
        return violations;
    }
}
