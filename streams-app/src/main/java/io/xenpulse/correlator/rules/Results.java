package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.EvidenceItem;

/** How the correlator reads a command result. */
final class Results {

    private Results() {
    }

    static boolean succeeded(CommandResult result) {
        return result.getStatus() == ResultStatus.DONE || result.getStatus() == ResultStatus.ALREADY_IN_STATE;
    }

    /** A fence counts only when the agent verified power OFF (invariant 1b), whatever status it reports. */
    static boolean fenceVerifiedOff(CommandResult result) {
        return succeeded(result) && result.getPowerVerifiedOff();
    }

    static EvidenceItem evidence(CommandResult result) {
        return new EvidenceItem(result.getTargetNode(), -1L, result.getFinishedAt(),
                "result." + result.getKind(), result.getStatus() + (result.getPowerVerifiedOff() ? " (power OFF verified)" : "")
                        + (result.getDetail().isEmpty() ? "" : ": " + result.getDetail()));
    }
}
