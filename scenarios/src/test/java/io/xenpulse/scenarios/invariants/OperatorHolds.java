package io.xenpulse.scenarios.invariants;

import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which decisions hand an incident to operators, and which report a VM running twice. Judged from what an
 * alerting consumer sees (rule, action, reason), so that renamed or new rules still count: a decision that
 * withholds an action (SUPPRESSED), a rule that holds a VM, or a reason that asks for an operator.
 */
public final class OperatorHolds {

    private static final Set<String> HOLDING_RULES = Set.of("vm-held", "vm-recovery-failed", "vm-stop-failed");

    private OperatorHolds() {
    }

    public static boolean holdsForOperators(Decision decision) {
        return decision.getAction() == DecisionAction.SUPPRESSED
                || HOLDING_RULES.contains(decision.getRule())
                || decision.getReason().toLowerCase(Locale.ROOT).contains("operator");
    }

    /** A decision, at or after {@code since}, holding {@code vm} (or every VM of {@code node}) for operators. */
    public static boolean heldSince(List<Decision> decisions, String vm, String node, Instant since) {
        return decisions.stream()
                .filter(d -> !d.getDecidedAt().isBefore(since))
                .filter(d -> vm.equals(d.getVm()) || (d.getVm() == null && node != null && node.equals(d.getNode())))
                .anyMatch(OperatorHolds::holdsForOperators);
    }

    /** Whether the newest decision about the node itself (no VM) holds it for operators: it still does. */
    public static boolean nodeStillHeld(List<Decision> decisions, String node) {
        Decision newest = null;
        for (Decision decision : decisions) {
            if (decision.getVm() == null && node.equals(decision.getNode())) {
                newest = decision;
            }
        }
        return newest != null && holdsForOperators(newest);
    }

    /** Whether the newest decision about the VM holds it for operators: a hold taken earlier still stands. */
    public static boolean vmStillHeld(List<Decision> decisions, String vm) {
        Decision newest = null;
        for (Decision decision : decisions) {
            if (vm.equals(decision.getVm())) {
                newest = decision;
            }
        }
        return newest != null && holdsForOperators(newest);
    }

    /** A decision, at or after {@code since}, reporting that {@code vm} runs on every one of {@code nodes}. */
    public static boolean reportedRunningTwice(List<Decision> decisions, String vm, Set<String> nodes,
            Instant since) {
        return decisions.stream()
                .filter(d -> !d.getDecidedAt().isBefore(since) && vm.equals(d.getVm()))
                .anyMatch(d -> d.getRule().contains("twice")
                        || nodes.stream().allMatch(node -> d.getReason().contains(node)));
    }
}
