package io.xenpulse.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.faults.FaultScheduleGenerator;
import io.xenpulse.scenarios.faults.ScheduleRunner;
import io.xenpulse.scenarios.faults.ScheduleRunner.Outcome;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.invariants.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's property: over many random fault schedules (seeded java.util.Random, one seed per schedule), the
 * five safety invariants hold. Settings (system properties):
 * <ul>
 *   <li>{@code xenpulse.seed}: replay one schedule (or several, comma-separated), printing each with its
 *       whole timeline;</li>
 *   <li>{@code xenpulse.schedules} (1000) and {@code xenpulse.firstSeed} (1): which seeds to run;</li>
 *   <li>{@code xenpulse.threads} (2): schedules run side by side, each on its own driver and clock.</li>
 * </ul>
 * Every schedule is a pure function of its seed, so a failing seed printed here replays identically.
 */
class FaultSchedulePropertyTest {

    private static final int SHOWN_FAILURES = 5;

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepEverySafetyInvariantUnderRandomFaultSchedules() throws Exception {
        // given
        final String replay = System.getProperty("xenpulse.seed");
        final long first = Long.getLong("xenpulse.firstSeed", 1);
        final long[] seeds = replay != null ? Arrays.stream(replay.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray()
                : LongStream.range(first, first + Integer.getInteger("xenpulse.schedules", 1000)).toArray();
        final long started = System.nanoTime();

        // when
        final List<Outcome> outcomes = runAll(seeds, replay != null);

        // then
        final PropertyReport report = new PropertyReport(outcomes, System.nanoTime() - started);
        System.out.println(report.summary(replay != null ? seeds.length : SHOWN_FAILURES, replay != null));
        assertThat(outcomes).hasSize(seeds.length);
        assertThat(outcomes.stream().flatMap(o -> o.violations().stream()).map(Violation::invariant).distinct())
                .as(() -> report.headline())
                .isEmpty();
    }

    private List<Outcome> runAll(long[] seeds, boolean keepStory) throws InterruptedException, ExecutionException {
        final ScenarioTimings timings = ScenarioTimings.twoSecondProbes();
        final ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("xenpulse.threads", 2));
        try {
            final List<Future<Outcome>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> ScheduleRunner.run(FaultScheduleGenerator.generate(seed), timings,
                        stateDir.resolve("seed-" + seed), keepStory)));
            }
            final List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
