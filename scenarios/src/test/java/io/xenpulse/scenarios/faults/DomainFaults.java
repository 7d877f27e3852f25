package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.simulator.ActionOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Faults and moves of domains: a crash, an operator's live migration. */
public final class DomainFaults {

    private DomainFaults() {
    }

    /** The VM's domain crashes where it runs. */
    public record DomainCrash(Duration at, String vm) implements Fault {
        @Override
        public String describe() {
            return vm + " crashes";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            final Set<String> where = run.cluster().locate(vm);
            if (where.isEmpty()) {
                return Optional.of(vm + " runs nowhere");
            }
            run.cluster().node(where.stream().sorted().findFirst().orElseThrow()).crashDomain(vm);
            return Optional.empty();
        }
    }

    /** An operator migrates the VM live to {@code to}; the handover comes {@code takes} later. */
    public record LiveMigration(Duration at, String vm, String to, Duration takes) implements Fault {
        @Override
        public String describe() {
            return "an operator migrates " + vm + " live to " + to + " (" + takes.toMillis() + " ms)";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            final Set<String> where = run.cluster().locate(vm);
            if (where.size() != 1 || where.contains(to)) {
                return Optional.of(vm + " runs on " + where);
            }
            final ActionOutcome outcome = run.cluster().migrate(vm, where.iterator().next(), to, takes);
            return outcome.succeeded() ? Optional.empty() : Optional.of(outcome.message());
        }
    }
}
