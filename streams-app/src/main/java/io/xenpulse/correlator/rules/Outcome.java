package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import java.util.List;

/** What one step of the correlator emits: explained decisions, and the commands some of them issue. */
public record Outcome(List<Decision> decisions, List<RecoveryCommand> commands) {

    public Outcome {
        decisions = List.copyOf(decisions);
        commands = List.copyOf(commands);
    }

    public static Outcome none() {
        return new Outcome(List.of(), List.of());
    }

    public boolean isEmpty() {
        return decisions.isEmpty() && commands.isEmpty();
    }
}
