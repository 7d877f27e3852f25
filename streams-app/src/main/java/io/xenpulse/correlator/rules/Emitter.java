package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.decision.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the decisions and commands of one correlator step. Every command comes with the decision that
 * explains it (invariant 7), gets a deterministic id built from its incident, kind, target and attempt
 * (invariant 6), an expiry, and is remembered as pending until its result arrives.
 */
final class Emitter {

    private final ClusterState state;
    private final Instant now;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<RecoveryCommand> commands = new ArrayList<>();

    Emitter(ClusterState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /** A judgement without an action (e.g. "UNKNOWN, not dead"), or an action a safety rule withheld. */
    void judge(Rule rule, DecisionAction action, String node, String vm, String reason,
            List<EvidenceItem> evidence) {
        decisions.add(decision(rule, action, node, vm, reason, evidence, null));
    }

    /** Issues a command together with the decision that explains it; returns the command id. */
    String command(CommandRequest request, String reason, List<EvidenceItem> evidence) {
        final String commandId = request.commandId(state.cluster());
        final Decision decision = decision(request.rule(), request.action(), request.node(), request.vm(),
                reason, evidence, commandId);
        decisions.add(decision);
        final Instant expiresAt = now.plus(request.ttl());
        commands.add(RecoveryCommand.newBuilder()
                .setCommandId(commandId)
                .setCluster(state.cluster())
                .setKind(request.kind())
                .setTargetNode(request.node())
                .setVm(request.vm())
                .setDaemon(request.daemon())
                .setSourceNode(request.sourceNode())
                .setDecisionId(decision.getDecisionId())
                .setIssuedAt(now)
                .setExpiresAt(expiresAt)
                .setAttempt(request.attempt())
                .build());
        state.pending.put(commandId, new PendingCommand(commandId, request.kind(), request.node(),
                request.vm() == null ? "" : request.vm(), expiresAt));
        return commandId;
    }

    Outcome outcome() {
        return new Outcome(decisions, commands);
    }

    private Decision decision(Rule rule, DecisionAction action, String node, String vm, String reason,
            List<EvidenceItem> evidence, String commandId) {
        return Decision.newBuilder()
                .setDecisionId(state.nextDecisionId())
                .setCluster(state.cluster())
                .setNode(node)
                .setVm(vm)
                .setDecidedAt(now)
                .setRule(rule.id())
                .setSeverity(rule.severity())
                .setAction(action)
                .setReason(reason)
                .setEvidence(List.copyOf(evidence))
                .setCommandId(commandId)
                .build();
    }

    /**
     * Everything that identifies a command. The id is a readable path, the same for the same incident, kind,
     * target and attempt, so a replayed step reissues the same id and the actuator recognises it.
     */
    record CommandRequest(Rule rule, DecisionAction action, CommandKind kind, String node, String vm,
            String daemon, String sourceNode, String incidentId, int attempt, Duration ttl) {

        String commandId(String cluster) {
            final StringBuilder id = new StringBuilder(cluster).append('/').append(node).append('/').append(kind);
            if (vm != null) {
                id.append('/').append(vm);
            }
            return id.append('/').append(incidentId).append("/attempt-").append(attempt).toString();
        }
    }
}
