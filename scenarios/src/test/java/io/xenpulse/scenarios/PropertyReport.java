package io.xenpulse.scenarios;

import io.xenpulse.scenarios.faults.Fault;
import io.xenpulse.scenarios.faults.ScheduleRunner.Outcome;
import io.xenpulse.scenarios.invariants.Invariant;
import io.xenpulse.scenarios.invariants.SafetyInvariants;
import io.xenpulse.scenarios.invariants.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a property run prints: how much it tried, how long it took, and per invariant the seeds that broke it. */
final class PropertyReport {

    private static final int SEEDS_PER_INVARIANT = 12;
    private static final int EXAMPLES_PER_INVARIANT = 4;

    private final List<Outcome> outcomes;
    private final long elapsedNanos;

    PropertyReport(List<Outcome> outcomes, long elapsedNanos) {
        this.outcomes = outcomes;
        this.elapsedNanos = elapsedNanos;
    }

    String headline() {
        final long failed = outcomes.stream().filter(o -> !o.held()).count();
        return String.format("%d schedules, %d faults applied (%d skipped), %d virtual minutes in %.1f s; "
                + "%d schedules broke an invariant", outcomes.size(),
                outcomes.stream().mapToInt(Outcome::faultsApplied).sum(),
                outcomes.stream().mapToInt(Outcome::faultsSkipped).sum(),
                outcomes.stream().mapToLong(o -> o.schedule().length().toSeconds()).sum() / 60,
                elapsedNanos / 1e9, failed);
    }

    String summary(int shownFailures, boolean withStory) {
        final StringBuilder text = new StringBuilder("\n=== fault-schedule property: ").append(headline()).append('\n');
        text.append("faults by kind: ").append(faultKinds()).append('\n');
        for (Invariant invariant : SafetyInvariants.ALL) {
            final List<Long> seeds = outcomes.stream()
                    .filter(o -> o.violations().stream().anyMatch(v -> v.invariant().equals(invariant.name())))
                    .map(o -> o.schedule().seed()).toList();
            text.append(String.format("%-48s %4d schedules%n", invariant.name(), seeds.size()));
            examples(invariant).forEach(example -> text.append("      ").append(example).append('\n'));
        }
        outcomes.stream().filter(o -> !o.held() || withStory).limit(shownFailures).forEach(o -> {
            text.append("\n--- seed ").append(o.schedule().seed())
                    .append(" (replay: -Dxenpulse.seed=").append(o.schedule().seed()).append(")\n");
            text.append(o.schedule());
            o.violations().forEach(v -> text.append("  VIOLATED ").append(v.invariant()).append(" at ")
                    .append(v.at()).append(": ").append(v.detail()).append('\n'));
            if (withStory) {
                o.story().ifPresent(story -> text.append(story));
            }
        });
        return text.toString();
    }

    /** One example of each kind of violation of an invariant (kinds told apart by {@link #shape}), with its count. */
    private List<String> examples(Invariant invariant) {
        final Map<String, String> first = new TreeMap<>();
        final Map<String, Set<Long>> seeds = new TreeMap<>();
        outcomes.forEach(o -> o.violations().stream().filter(v -> v.invariant().equals(invariant.name())).forEach(v -> {
            final String example = "seed " + o.schedule().seed() + ": " + v.detail();
            first.putIfAbsent(shape(example), example);
            seeds.computeIfAbsent(shape(example), k -> new TreeSet<>()).add(o.schedule().seed());
        }));
        return first.entrySet().stream().limit(EXAMPLES_PER_INVARIANT)
                .map(e -> seeds.get(e.getKey()).size() + " schedules " + seeds.get(e.getKey()).stream()
                        .limit(SEEDS_PER_INVARIANT).toList() + ", e.g. " + e.getValue()).toList();
    }

    /** A violation's wording with names and numbers blanked, to tell kinds of violation apart. */
    private static String shape(String example) {
        return example.replaceFirst("^seed \\d+: ", "").replaceAll("(vm|xen-)\\d+", "#").replaceAll("[\\d.]+", "#");
    }

    private Map<String, Long> faultKinds() {
        return outcomes.stream().flatMap(o -> o.schedule().faults().stream())
                .collect(Collectors.groupingBy(Fault::kind, TreeMap::new, Collectors.counting()));
    }
}
