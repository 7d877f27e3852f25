package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.Timeline;
import io.xenpulse.schemas.command.CommandKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DESIGN invariant 9: no fence while the correlator is catching up. The correlator catches up from the
 * moment it stops (killed, or stalled) until nodeLostAfter, on its own clock, after it runs again; and
 * until nodeLostAfter after it last read a record later than its lag bound (observationMaxLag) after that
 * record reached the log. A node that really died meanwhile is fenced a silence bound later: never sooner
 * than the correlator can know.
 */
public final class NoFenceWhileCatchingUp implements Invariant {

    private record Window(Instant from, Instant until) {
        boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(until);
        }
    }

    @Override
    public String name() {
        return "no-fence-while-catching-up";
    }

    @Override
    public List<Violation> check(ScenarioRun run) {
        final List<Window> windows = windows(run.timeline(), run.timings().policy().nodeLostAfter());
        return run.commands().stream()
                .filter(c -> c.command().getKind() == CommandKind.FENCE_NODE)
                .filter(c -> windows.stream().anyMatch(w -> w.contains(c.issuedAt())))
                .map(c -> new Violation(name(), c.issuedAt(), "fence of " + c.command().getTargetNode()
                        + " while the correlator was catching up"))
                .toList();
    }

    private static List<Window> windows(Timeline timeline, Duration lostAfter) {
        final List<Window> windows = new ArrayList<>();
        timeline.pauses().forEach(p -> windows.add(new Window(p.from(), p.until().plus(lostAfter))));
        timeline.lateReads().forEach(at -> windows.add(new Window(at, at.plus(lostAfter))));
        return windows;
    }
}
