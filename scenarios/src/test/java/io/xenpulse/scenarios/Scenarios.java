package io.xenpulse.scenarios;

import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.Timeline.IssuedCommand;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.simulator.ActionKind;
import io.xenpulse.simulator.ActionRecord;
import java.util.List;

/** Queries the scenario tests share: what the correlator issued, what happened on the cluster. */
final class Scenarios {

    private Scenarios() {
    }

    static List<RecoveryCommand> commands(ScenarioRun run, CommandKind kind) {
        return run.commands().stream().map(IssuedCommand::command).filter(c -> c.getKind() == kind).toList();
    }

    static List<RecoveryCommand> commandsFor(ScenarioRun run, CommandKind kind, String node) {
        return commands(run, kind).stream().filter(c -> c.getTargetNode().equals(node)).toList();
    }

    static List<RecoveryCommand> vmCommandsFor(ScenarioRun run, String vm) {
        return run.commands().stream().map(IssuedCommand::command).filter(c -> vm.equals(c.getVm())).toList();
    }

    static List<ActionRecord> clusterActions(ScenarioRun run, ActionKind kind) {
        return run.cluster().actionLog().entries().stream().filter(r -> r.kind() == kind).toList();
    }

    static List<Decision> decisionsAbout(ScenarioRun run, String node) {
        return run.timeline().decisions().stream().filter(d -> node.equals(d.getNode())).toList();
    }

    /** The whole run, one line per event, for a failing assertion's message. */
    static String story(ScenarioRun run) {
        return "\n" + run.timeline().render(run.cluster().actionLog().entries());
    }
}
