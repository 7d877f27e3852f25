package io.xenpulse.scenarios.invariants;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.simulator.ActionKind;
import io.xenpulse.simulator.ActionOrigin;
import io.xenpulse.simulator.ActionRecord;
import io.xenpulse.simulator.DoubleRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * DESIGN invariant 1, judged by the simulator's double-run monitor. A double run that an actuator's start
 * completed is the pipeline's doing and always a violation. One that a rejoining node's /etc/xen/auto
 * completed is the node's doing (no cluster manager can stop a boot); the pipeline must then report it,
 * with a decision naming the VM and every node it runs on (or a "running twice" rule), as soon as it could
 * see it: once it has read an observation the booted node took after the auto-start. A node that boots with
 * its uplink cut, for good, shows nothing to anyone.
 */
public final class NoDoubleRun implements Invariant {

    @Override
    public String name() {
        return "no-double-run";
    }

    @Override
    public List<Violation> check(ScenarioRun run) {
        final List<Violation> violations = new ArrayList<>();
        final List<ActionRecord> log = run.cluster().actionLog().entries();
        for (DoubleRun doubleRun : run.cluster().invariantMonitor().violations()) {
            final Optional<ActionRecord> start = completingStart(log, doubleRun);
            final ActionOrigin origin = start.map(ActionRecord::origin).orElse(ActionOrigin.ACTUATOR);
            final String where = doubleRun.vm() + " ran on " + new TreeSet<>(doubleRun.nodes());
            if (origin != ActionOrigin.BOOT) {
                violations.add(new Violation(name(), doubleRun.at(), where + " after "
                        + start.map(s -> origin + " start on " + s.node()).orElse("a start")));
            } else if (visibleAfter(run, start.get()) && !OperatorHolds.reportedRunningTwice(run.timeline().decisions(), doubleRun.vm(),
                    doubleRun.nodes(), doubleRun.at())) {
                violations.add(new Violation(name(), doubleRun.at(), where + " after /etc/xen/auto on "
                        + start.get().node() + ", and no decision reported it"));
            }
        }
        return violations;
    }

    private static boolean visibleAfter(ScenarioRun run, ActionRecord autoStart) {
        return run.newestObservationRead(autoStart.node()).filter(at -> !at.isBefore(autoStart.at())).isPresent();
    }

    /**
     * The last successful start of the VM, on one of the nodes, at or before the double run began: the log
     * is in time order, so the last one listed (of several in the same instant too) completed it.
     */
    private static Optional<ActionRecord> completingStart(List<ActionRecord> log, DoubleRun doubleRun) {
        return log.stream()
                .filter(r -> r.kind() == ActionKind.VM_START && r.succeeded())
                .filter(r -> r.vm().filter(doubleRun.vm()::equals).isPresent())
                .filter(r -> doubleRun.nodes().contains(r.node()) && !r.at().isAfter(doubleRun.at()))
                .reduce((earlier, later) -> later);
    }
}
