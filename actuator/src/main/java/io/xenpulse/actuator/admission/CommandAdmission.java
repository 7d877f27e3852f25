package io.xenpulse.actuator.admission;

import io.xenpulse.schemas.command.RecoveryCommand;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a command may go on, twice: when it arrives (well-formed, not expired, not a
 * duplicate, expiry within what the memory can cover) and again just before it starts, after waiting
 * for its node (still not expired, preconditions met on what is known <em>now</em>).
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

    /** Checks done when the command holds its locks and is about to execute. */
    public Verdict beforeStart(RecoveryCommand command, Instant now) {
        if (now.isAfter(command.getExpiresAt())) {
            return Verdict.expired("expired at " + command.getExpiresAt() + " while waiting for its node");
        }
        return precondition.unmet(command)
                .map(reason -> Verdict.refused("precondition not met: " + reason))
                .orElseGet(Verdict::proceed);
    }
}
