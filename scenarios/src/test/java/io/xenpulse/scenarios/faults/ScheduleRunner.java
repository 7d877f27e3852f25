package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.invariants.SafetyInvariants;
import io.xenpulse.scenarios.invariants.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Plays one {@link FaultSchedule} on a fresh {@link ScenarioRun} and judges it with the safety invariants. */
public final class ScheduleRunner {

    /**
     * What one schedule gave.
     *
     * @param story the run's timeline, kept only when an invariant failed (or when asked for)
     */
    public record Outcome(FaultSchedule schedule, int faultsApplied, int faultsSkipped, List<Violation> violations,
            Optional<String> story) {

        public boolean held() {
            return violations.isEmpty();
        }
    }

    private ScheduleRunner() {
    }

    public static Outcome run(FaultSchedule schedule, ScenarioTimings timings, Path stateDir, boolean keepStory) {
        final AtomicInteger applied = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        try (ScenarioRun run = new ScenarioRun(schedule.cluster(), timings, stateDir)) {
            for (Fault fault : schedule.faults()) {
                run.at(fault.at(), fault.describe(), () -> fault.applyTo(run).ifPresentOrElse(why -> {
                    skipped.incrementAndGet();
                    run.note("  (skipped: " + why + ")");
                }, applied::incrementAndGet));
            }
            run.runFor(schedule.length());
            final List<Violation> violations = SafetyInvariants.check(run);
            final Optional<String> story = keepStory || !violations.isEmpty()
                    ? Optional.of(run.timeline().render(run.cluster().actionLog().entries()))
                    : Optional.empty();
            return new Outcome(schedule, applied.get(), skipped.get(), violations, story);
        }
    }
}
