package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ScenarioRun;
import java.time.Duration;
import java.util.Optional;

/** Faults of the monitoring path: probes, uplinks, and the correlator itself. */
public final class MonitoringFaults {

    private MonitoringFaults() {
    }

    /** The probe process dies; it is started again {@code downFor} later (never when zero). */
    public record ProbeCrash(Duration at, String node, Duration downFor) implements Fault {
        @Override
        public String describe() {
            return "the probe on " + node + " dies" + (downFor.isZero() ? " for good" : " for " + downFor.toSeconds() + " s");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            if (!run.cluster().node(node).isUp()) {
                return Optional.of(node + " is off or booting");
            }
            run.cluster().node(node).monitoring().killProbe();
            if (!downFor.isZero()) {
                run.after(downFor, "the probe on " + node + " is started again",
                        () -> run.cluster().node(node).monitoring().startProbe());
            }
            return Optional.empty();
        }
    }

    /** The node's observations reach the log {@code delay} after they were taken, for {@code lasting}. */
    public record LateProbe(Duration at, String node, Duration delay, Duration lasting) implements Fault {
        @Override
        public String describe() {
            return "the probe on " + node + " is " + delay.toMillis() + " ms late for " + lasting.toSeconds() + " s";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.makeProbeLate(node, delay, run.now().plus(lasting));
            return Optional.empty();
        }
    }

    /** The node's uplink is cut for {@code lasting} (for good when zero). */
    public record UplinkCut(Duration at, String node, Duration lasting) implements Fault {
        @Override
        public String describe() {
            return "the uplink of " + node + " is cut" + (lasting.isZero() ? " for good" : " for " + lasting.toSeconds() + " s");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.cluster().node(node).monitoring().cutUplink();
            if (!lasting.isZero()) {
                run.after(lasting, "the uplink of " + node + " is restored",
                        () -> run.cluster().node(node).monitoring().restoreUplink());
            }
            return Optional.empty();
        }
    }

    /** The correlator is killed and started again {@code downFor} later, restored from its changelog. */
    public record CorrelatorRestart(Duration at, Duration downFor) implements Fault {
        @Override
        public String describe() {
            return "the correlator is killed and restarted " + downFor.toSeconds() + " s later";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            return run.stopCorrelatorFor(downFor) ? Optional.empty() : Optional.of("the correlator is already down");
        }
    }

    /** For {@code lasting}, the correlator reads only {@code readsPerSecond} records a second. */
    public record CorrelatorLag(Duration at, int readsPerSecond, Duration lasting) implements Fault {
        @Override
        public String describe() {
            return "the correlator reads " + readsPerSecond + " records/s for " + lasting.toSeconds() + " s";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.slowCorrelator(run.now().plus(lasting), readsPerSecond);
            return Optional.empty();
        }
    }
}
