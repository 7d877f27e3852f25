package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ScenarioRun;
import java.time.Duration;
import java.util.Optional;

/**
 * One fault of a random schedule: when it strikes (from the start of the run), what it is in one line, and
 * how it is applied to a run. A fault that cannot apply when it falls due (its node is off, its VM runs
 * nowhere) is skipped, and says why.
 */
public interface Fault {

    Duration at();

    String describe();

    /** Applies the fault now; empty when it applied, otherwise why it was skipped. */
    Optional<String> applyTo(ScenarioRun run);

    /** A short name of the fault's kind, for counting. */
    default String kind() {
        return getClass().getSimpleName();
    }
}
