package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.schemas.command.CommandKind;
import java.util.List;

/**
 * Issue 7, "probe silent is not node dead": no fence of a node that was powered on, on the network (its
 * peers' checks reached it) and healthy, whose probe had merely died or fallen late, at the instant the
 * fence was issued.
 */
public final class NoFenceOfNodeOnlyItsProbeLost implements Invariant {

    @Override
    public String name() {
        return "no-fence-of-reachable-node-with-silent-probe";
    }

    @Override
    public List<Violation> check(ScenarioRun run) {
        return run.commands().stream()
                .filter(c -> c.command().getKind() == CommandKind.FENCE_NODE)
                .filter(c -> c.target().peersReachIt() && c.target().probeSilentOnly())
                .map(c -> new Violation(name(), c.issuedAt(), "fence of " + c.command().getTargetNode()
                        + ": its peers reached it and only its probe was dead or late"))
                .toList();
    }
}
