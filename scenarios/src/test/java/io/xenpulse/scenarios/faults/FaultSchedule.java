package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ClusterSpec;
import java.time.Duration;
import java.util.List;

/**
 * One random schedule: its seed, its cluster, its faults in time order, and its length. Faults strike
 * between the warm-up and the quiet tail; every temporary fault is over when the tail begins, so whatever is
 * still wrong at the end is an incident the pipeline left stuck.
 */
public record FaultSchedule(long seed, ClusterSpec cluster, List<Fault> faults, Duration length, Duration quietTail) {

    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder("seed ").append(seed).append(", ").append(length.toSeconds())
                .append(" s (quiet after ").append(length.minus(quietTail).toSeconds()).append(" s), ")
                .append(cluster).append('\n');
        for (Fault fault : faults) {
            text.append(String.format("  %6.1fs  %s%n", fault.at().toMillis() / 1000.0, fault.describe()));
        }
        return text.toString();
    }
}
