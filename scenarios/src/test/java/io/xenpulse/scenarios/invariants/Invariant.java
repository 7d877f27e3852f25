package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import java.util.List;

/** A safety property judged after a run, from the simulator's truth and what the pipeline published. */
public interface Invariant {

    /** A short name for reports, e.g. {@code no-double-run}. */
    String name();

    List<Violation> check(ScenarioRun run);
}
