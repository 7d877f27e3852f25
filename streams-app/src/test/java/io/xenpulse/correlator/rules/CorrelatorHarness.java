package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.inventory.VmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Drives a {@link Correlator} by hand: a moving clock, and everything it emitted so far. */
final class CorrelatorHarness {

    static final CorrelatorPolicy POLICY = new CorrelatorPolicy(Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(2), 3, Duration.ofSeconds(15), Duration.ofSeconds(30), 2, Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(10));

    static final Duration TICK = Duration.ofSeconds(1);

    final ClusterState state = new ClusterState(Observations.CLUSTER);
    Correlator correlator = new Correlator(POLICY);
    final List<Decision> decisions = new ArrayList<>();
    final List<RecoveryCommand> commands = new ArrayList<>();
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    CorrelatorHarness inventory(int minHealthy, List<String> nodes, VmSpec... vms) {
        collect(correlator.onInventory(state, ClusterInventory.newBuilder().setCluster(Observations.CLUSTER)
                .setNodes(nodes).setMinHealthyNodes(minHealthy).setVms(List.of(vms)).setUpdatedAt(now).build(), now));
        return this;
    }

    CorrelatorHarness inventory(List<String> nodes, List<String> maintenance, VmSpec... vms) {
        collect(correlator.onInventory(state, ClusterInventory.newBuilder().setCluster(Observations.CLUSTER)
                .setNodes(nodes).setMinHealthyNodes(1).setMaintenanceNodes(maintenance).setVms(List.of(vms))
                .setUpdatedAt(now).build(), now));
        return this;
    }

    /** db01, whose policy is RELOCATE, dies on xen-1 (two healthy listings without it); returns the STOP_VM. */
    RecoveryCommand relocatableVmDiesOnXen1() {
        inventory(1, List.of("xen-1", "xen-2"), vm("db01", "xen-1", RecoveryPolicy.RELOCATE, DesiredState.RUNNING));
        observe(Observations.from("xen-1", 1).running("db01"));
        observe(Observations.from("xen-2", 1));
        observe(Observations.from("xen-1", 2));
        observe(Observations.from("xen-1", 3));
        return lastCommand(CommandKind.STOP_VM);
    }

    static VmSpec vm(String name, String home, RecoveryPolicy policy, DesiredState desired) {
        return VmSpec.newBuilder().setName(name).setHomeNode(home).setPolicy(policy).setDesiredState(desired).build();
    }

    /** An observation read as soon as it reached the log. */
    Outcome observe(Observations observation) {
        return observeLoggedAt(observation, now);
    }

    /** An observation that reached the log at {@code loggedAt} and is read now. */
    Outcome observeLoggedAt(Observations observation, Instant loggedAt) {
        return collect(correlator.onObservation(state, observation.build(), loggedAt, now));
    }

    /** Time passes with the correlator ticking every second, as its wall-clock punctuator does. */
    Outcome pass(Duration duration) {
        final Instant until = now.plus(duration);
        final List<Decision> emitted = new ArrayList<>();
        final List<RecoveryCommand> issued = new ArrayList<>();
        while (now.isBefore(until)) {
            final Duration left = Duration.between(now, until);
            now = now.plus(left.compareTo(TICK) < 0 ? left : TICK);
            final Outcome outcome = collect(correlator.onTick(state, now));
            emitted.addAll(outcome.decisions());
            issued.addAll(outcome.commands());
        }
        return new Outcome(emitted, issued);
    }

    /** One punctuator tick at the current time (it may fire between any two records). */
    Outcome tick() {
        return collect(correlator.onTick(state, now));
    }

    /** A new correlator instance takes over the same stored state (a restart, or the task moved). */
    void restartCorrelator() {
        correlator = new Correlator(POLICY);
    }

    /** Time passes without the correlator running at all (its own restart, a stalled stream thread). */
    void correlatorAway(Duration duration) {
        now = now.plus(duration);
    }

    /** Every node reports a healthy listing with the given VMs: one probe round. */
    void healthyRound(long sequence, String[][] vmsPerNode) {
        for (int i = 0; i < vmsPerNode.length; i++) {
            observe(Observations.from("xen-" + (i + 1), sequence).running(vmsPerNode[i]));
        }
    }

    Outcome result(RecoveryCommand command, ResultStatus status, boolean powerVerifiedOff) {
        return collect(correlator.onResult(state, CommandResult.newBuilder().setCommandId(command.getCommandId())
                .setCluster(command.getCluster()).setKind(command.getKind()).setTargetNode(command.getTargetNode())
                .setVm(command.getVm()).setSourceNode(command.getSourceNode()).setStatus(status)
                .setPowerVerifiedOff(powerVerifiedOff).setAttempt(command.getAttempt()).setStartedAt(now)
                .setFinishedAt(now).build(), now));
    }

    List<RecoveryCommand> commandsOf(CommandKind kind) {
        return commands.stream().filter(c -> c.getKind() == kind).toList();
    }

    RecoveryCommand lastCommand(CommandKind kind) {
        final List<RecoveryCommand> of = commandsOf(kind);
        if (of.isEmpty()) {
            throw new AssertionError("no " + kind + " command issued; decisions: " + decisions);
        }
        return of.get(of.size() - 1);
    }

    List<Decision> decisionsBy(Rule rule) {
        return decisions.stream().filter(d -> d.getRule().equals(rule.id())).toList();
    }

    List<RecoveryCommand> vmCommands() {
        final Predicate<RecoveryCommand> isVm = c -> c.getKind() == CommandKind.STOP_VM
                || c.getKind() == CommandKind.RESTART_VM || c.getKind() == CommandKind.RELOCATE_VM;
        return commands.stream().filter(isVm).toList();
    }

    private Outcome collect(Outcome outcome) {
        decisions.addAll(outcome.decisions());
        commands.addAll(outcome.commands());
        return outcome;
    }
}
