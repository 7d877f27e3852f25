package io.xenpulse.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.simulator.ActionOrigin;
import io.xenpulse.simulator.ActionRecord;
import io.xenpulse.simulator.SimulatedCluster;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's verdict: were the safety invariants kept, and how fast did real failures recover. Safety comes
 * from the simulated cluster itself (its invariant monitor and action log), not from what the pipeline says
 * about itself; the action counts come from the results the actuator published.
 *
 * @param vmsRunTwice VMs that ran on two nodes at any instant (must be 0)
 * @param vmActionsDuringXendOutages VM starts or stops by the actuator while any node's xend was down
 *     (must be 0: an outage of the control daemon alone never justifies touching a VM)
 */
record Verdict(int vmsRunTwice, int vmActionsDuringXendOutages, int xendRestarts, int fences, int relocations,
        int vmRestarts, List<Incident> incidents) {

    static Verdict of(SimulatedCluster cluster, List<CommandResult> results, List<Incident> incidents) {
        return new Verdict(
                cluster.invariantMonitor().vmsRunTwice().size(),
                (int) cluster.actionLog().vmActions().stream().filter(a -> duringXendOutage(cluster, a)).count(),
                done(results, CommandKind.RESTART_DAEMON),
                (int) results.stream().filter(r -> r.getKind() == CommandKind.FENCE_NODE && r.getPowerVerifiedOff()).count(),
                done(results, CommandKind.RELOCATE_VM),
                done(results, CommandKind.RESTART_VM),
                incidents);
    }

    boolean invariantsHeld() {
        return vmsRunTwice == 0 && vmActionsDuringXendOutages == 0;
    }

    boolean everyIncidentRecovered() {
        return incidents.stream().allMatch(i -> i.recoveredAt().isPresent());
    }

    void print(PrintStream out) {
        out.println();
        out.println("=== verdict");
        out.printf("VMs run twice:                      %d (must be 0)%n", vmsRunTwice);
        out.printf("VM actions during xend outages:     %d (must be 0)%n", vmActionsDuringXendOutages);
        out.printf("xend restarts / fences:             %d / %d%n", xendRestarts, fences);
        out.printf("VM relocations / restarts in place: %d / %d%n", relocations, vmRestarts);
        for (Incident incident : incidents) {
            out.printf("incident (%s) %-45s %s%n", incident.id(), incident.description(),
                    incident.timeToRecoveryMs().map(ms -> "time to recovery " + ms + " ms").orElse("NOT RECOVERED"));
        }
        out.println(invariantsHeld() ? "invariants HELD" : "invariants VIOLATED");
    }

    String toJson() {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("vms_run_twice", vmsRunTwice);
        json.put("vm_actions_during_xend_outages", vmActionsDuringXendOutages);
        json.put("xend_restarts", xendRestarts);
        json.put("fences", fences);
        json.put("relocations", relocations);
        json.put("vm_restarts", vmRestarts);
        json.put("invariants_held", invariantsHeld());
        json.put("incidents", incidents.stream().map(Verdict::incidentJson).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> incidentJson(Incident incident) {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("description", incident.description());
        json.put("recovered", incident.recoveredAt().isPresent());
        json.put("time_to_recovery_ms", incident.timeToRecoveryMs().orElse(null));
        return json;
    }

    private static boolean duringXendOutage(SimulatedCluster cluster, ActionRecord action) {
        return action.origin() == ActionOrigin.ACTUATOR
                && cluster.xendOutages().stream().anyMatch(outage -> outage.covers(action.at()));
    }

    private static int done(List<CommandResult> results, CommandKind kind) {
        return (int) results.stream()
                .filter(r -> r.getKind() == kind && r.getStatus() == ResultStatus.DONE)
                .count();
    }
}
