package io.xenpulse.actuator.admission;

import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides whether a command may go on: when it arrives (well-formed, not expired, not a duplicate,
 * expiry within what the memory can cover), again just before it starts, after waiting for its node
 * (still not expired, preconditions met on what is known <em>now</em>), and, for a start whose safety
 * rests on a fence, once more when the fenced nodes' power devices have answered.
 */
public final class CommandAdmission {

    private final ActuatorMemory memory;
    private final StartPrecondition precondition;

    public CommandAdmission(ActuatorMemory memory) {
        this.memory = memory;
        this.precondition = new StartPrecondition(memory);
    }

    /** Checks done once, on arrival. A {@code Proceed} does not reserve the id: the caller does. */
    public Verdict onArrival(RecoveryCommand command, Instant now) {
        final Optional<String> problem = CommandValidator.problem(command);
        if (problem.isPresent()) {
            return Verdict.fatal("invalid command: " + problem.get());
        }
        if (now.isAfter(command.getExpiresAt())) {
            return Verdict.expired("expired at " + command.getExpiresAt() + ", received at " + now);
        }
        if (command.getExpiresAt().isAfter(now.plus(memory.retention()))) {
            return Verdict.fatal("expiresAt " + command.getExpiresAt() + " is more than "
                    + memory.retention() + " ahead: duplicates could no longer be recognised");
        }
        if (memory.knowsCommand(command.getCommandId())) {
            return Verdict.refused("duplicate: command id already executed or executing");
        }
        return Verdict.proceed();
    }

    /**
     * Checks done when the command holds its locks and is about to execute. A start that rests on a
     * fence gets {@link Verdict.CheckPower}: it may go on only through {@link #afterPowerCheck}.
     */
    public Verdict beforeStart(RecoveryCommand command, Instant now) {
        if (now.isAfter(command.getExpiresAt())) {
            return Verdict.expired("expired at " + command.getExpiresAt() + " while waiting for its node");
        }
        final StartProof proof = precondition.check(command);
        if (proof instanceof StartProof.Unproven unproven) {
            return unmet(unproven.reason());
        }
        final StartProof.Proven proven = (StartProof.Proven) proof;
        return proven.fencedNodes().isEmpty() ? Verdict.proceed() : Verdict.checkPower(proven.fencedNodes());
    }

    /**
     * Checks done when the power devices asked for by {@link #beforeStart} have answered. An ON is
     * remembered: that node's fence then covers no later command either. The precondition is checked
     * again, since results learnt meanwhile may have changed it.
     */
    public Verdict afterPowerCheck(RecoveryCommand command, Map<String, PowerStatus> statuses, Instant now) {
        final Map<String, PowerStatus> sorted = new TreeMap<>(statuses);
        sorted.forEach((node, status) -> {
            if (status.power() == PowerStatus.Power.ON) {
                memory.learnPoweredOnNow(command.getCluster(), node);
            }
        });
        if (now.isAfter(command.getExpiresAt())) {
            return Verdict.expired("expired at " + command.getExpiresAt() + " while its power check ran");
        }
        for (Map.Entry<String, PowerStatus> answer : sorted.entrySet()) {
            if (!answer.getValue().isOff()) {
                return unmet(notOff(command.getVm(), answer.getKey(), answer.getValue()));
            }
        }
        final StartProof proof = precondition.check(command);
        if (proof instanceof StartProof.Unproven unproven) {
            return unmet(unproven.reason());
        }
        for (String node : ((StartProof.Proven) proof).fencedNodes()) {
            if (!sorted.containsKey(node)) {
                return unmet(command.getVm() + " is now proven down on " + node + " only by a fence whose "
                        + "power device was not asked (facts changed during the power check)");
            }
        }
        return Verdict.proceed();
    }

    private static String notOff(String vm, String node, PowerStatus status) {
        if (status.power() == PowerStatus.Power.ON) {
            return "power device of " + node + " says ON (" + status.message() + "): " + node
                    + " was powered on after its fence, which no longer proves " + vm + " down there";
        }
        return "power state of " + node + " is UNKNOWN (" + status.message() + "): cannot confirm "
                + node + " is still OFF after its fence, so " + vm + " is not proven down there";
    }

    private static Verdict unmet(String reason) {
        return Verdict.refused("precondition not met: " + reason);
    }
}
