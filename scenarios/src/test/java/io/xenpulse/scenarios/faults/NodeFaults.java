package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.schemas.observation.Toolstack;
import io.xenpulse.simulator.PowerState;
import io.xenpulse.simulator.SimulatedNode;
import java.time.Duration;
import java.util.Optional;

/** Faults of a node itself: its control daemon, its power, its fence device. */
public final class NodeFaults {

    private NodeFaults() {
    }

    /** xend stops; an operator restarts it {@code downFor} later, or nobody does when that is zero. */
    public record XendStopped(Duration at, String node, Duration downFor) implements Fault {
        @Override
        public String describe() {
            return "xend stops on " + node + (downFor.isZero() ? " until restarted" : " for " + downFor.toSeconds() + " s");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            return withXend(run, node, n -> n.stopXend(downFor));
        }
    }

    /** xend stops answering; it answers again {@code hangsFor} later, or only after a restart when zero. */
    public record XendHung(Duration at, String node, Duration hangsFor) implements Fault {
        @Override
        public String describe() {
            return "xend hangs on " + node + (hangsFor.isZero() ? " until restarted" : " for " + hangsFor.toSeconds() + " s");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            return withXend(run, node, n -> n.hangXend(hangsFor));
        }
    }

    /** xend dies and cannot be started again on this boot. */
    public record XendUnrestartable(Duration at, String node) implements Fault {
        @Override
        public String describe() {
            return "xend dies on " + node + " and cannot be restarted";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            return withXend(run, node, n -> {
                n.makeXendUnrestartable();
                n.stopXend(Duration.ZERO);
            });
        }
    }

    /** The node loses power; an operator powers it on {@code restoredAfter} later (never when zero). */
    public record PowerLoss(Duration at, String node, Duration restoredAfter) implements Fault {
        @Override
        public String describe() {
            return node + " loses power" + (restoredAfter.isZero() ? " for good"
                    : ", powered on again " + restoredAfter.toSeconds() + " s later");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            if (run.cluster().powerStatus(node) == PowerState.OFF) {
                return Optional.of(node + " is already off");
            }
            run.cluster().losePower(node);
            if (!restoredAfter.isZero()) {
                run.after(restoredAfter, "an operator powers " + node + " on", () -> run.cluster().restorePower(node));
            }
            return Optional.empty();
        }
    }

    /** The fence device of the node does not answer for {@code lasting} (for good when zero). */
    public record FenceDeviceFailure(Duration at, String node, Duration lasting) implements Fault {
        @Override
        public String describe() {
            return "the fence device of " + node + " fails" + (lasting.isZero() ? " for good"
                    : " for " + lasting.toSeconds() + " s");
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.cluster().breakFenceDevice(node);
            if (!lasting.isZero()) {
                run.after(lasting, "the fence device of " + node + " is repaired",
                        () -> run.cluster().repairFenceDevice(node));
            }
            return Optional.empty();
        }
    }

    /** Until {@code until} (from the start), an operator powers the node on {@code after} it went off. */
    public record OperatorPowersOn(Duration at, String node, Duration after, Duration until) implements Fault {
        @Override
        public String describe() {
            return "an operator powers " + node + " on " + after.toSeconds() + " s after any power-off (it rejoins,"
                    + " running /etc/xen/auto)";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.operatorPowersOnAfter(node, after, ScenarioRun.START.plus(until));
            return Optional.empty();
        }
    }

    /** {@code xm create} hangs on the node for {@code lasting}: starts there time out. */
    public record HungDomainStarts(Duration at, String node, Duration lasting) implements Fault {
        @Override
        public String describe() {
            return "xm create hangs on " + node + " for " + lasting.toSeconds() + " s";
        }

        @Override
        public Optional<String> applyTo(ScenarioRun run) {
            run.hangDomainStarts(node, run.now().plus(lasting));
            return Optional.empty();
        }
    }

    private static Optional<String> withXend(ScenarioRun run, String node,
            java.util.function.Consumer<SimulatedNode> fault) {
        final SimulatedNode target = run.cluster().node(node);
        if (target.toolstack() != Toolstack.XM) {
            return Optional.of(node + " runs no xend");
        }
        if (!target.isUp()) {
            return Optional.of(node + " is off or booting");
        }
        fault.accept(target);
        return Optional.empty();
    }
}
