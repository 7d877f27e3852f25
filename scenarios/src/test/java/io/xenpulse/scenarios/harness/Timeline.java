package io.xenpulse.scenarios.harness;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.simulator.ActionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a scenario produced, for assertions and for the report of a failing seed: the faults applied,
 * the correlator's decisions and commands (each command with the truth about its target when issued), the
 * actuator's results with their log positions, and when the correlator was paused or read its input late.
 * The harness records into it as the run goes; tests of the invariants may record into it by hand.
 */
public final class Timeline {

    public record Note(Instant at, String text) {
    }

    public record IssuedCommand(RecoveryCommand command, Instant issuedAt, TargetContext target) {
    }

    public record PublishedResult(CommandResult result, long position, Instant publishedAt) {
    }

    /** The correlator read nothing and its clock stood still from {@code from} until {@code until}. */
    public record Pause(Instant from, Instant until) {
    }

    private final Instant start;
    private final List<Note> faults = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<IssuedCommand> commands = new ArrayList<>();
    private final List<PublishedResult> results = new ArrayList<>();
    private final List<Pause> pauses = new ArrayList<>();
    private final List<Instant> lateReads = new ArrayList<>();

    Timeline(Instant start) {
        this.start = start;
    }

    public Instant start() {
        return start;
    }

    public List<Note> faults() {
        return faults;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public List<IssuedCommand> commands() {
        return commands;
    }

    public List<PublishedResult> results() {
        return results;
    }

    public List<Pause> pauses() {
        return pauses;
    }

    /** The instants the correlator read a record that had reached the log longer ago than its lag bound. */
    public List<Instant> lateReads() {
        return lateReads;
    }

    /** Seconds since the start, for humans. */
    public String offset(Instant at) {
        final Duration since = Duration.between(start, at);
        return String.format("%7.1fs", since.toMillis() / 1000.0);
    }

    public void fault(Instant at, String text) {
        faults.add(new Note(at, text));
    }

    public void decision(Decision decision) {
        decisions.add(decision);
    }

    public void command(RecoveryCommand command, Instant issuedAt, TargetContext target) {
        commands.add(new IssuedCommand(command, issuedAt, target));
    }

    public void resultPublished(CommandResult result, long position, Instant at) {
        results.add(new PublishedResult(result, position, at));
    }

    public void pause(Instant from, Instant until) {
        pauses.add(new Pause(from, until));
    }

    public void lateRead(Instant at) {
        if (lateReads.isEmpty() || !lateReads.get(lateReads.size() - 1).equals(at)) {
            lateReads.add(at);
        }
    }

    /** Faults, cluster actions, decisions, commands and results merged in time order, one line each. */
    public String render(List<ActionRecord> clusterActions) {
        final List<Note> lines = new ArrayList<>();
        faults.forEach(f -> lines.add(new Note(f.at(), "FAULT    " + f.text())));
        clusterActions.forEach(a -> lines.add(new Note(a.at(), "cluster  " + a.node() + " " + a.kind() + " "
                + a.target().orElse("") + " (" + a.origin() + (a.succeeded() ? "" : ", failed") + ") " + a.message())));
        decisions.forEach(d -> lines.add(new Note(d.getDecidedAt(), "decision " + d.getRule() + " node=" + d.getNode()
                + (d.getVm() == null ? "" : " vm=" + d.getVm()) + " " + d.getAction() + ": " + d.getReason())));
        commands.forEach(c -> lines.add(new Note(c.issuedAt(), "command  " + c.command().getCommandId()
                + (c.command().getSourceNode() == null ? "" : " from " + c.command().getSourceNode()))));
        results.forEach(r -> lines.add(new Note(r.publishedAt(), "result   #" + r.position() + " "
                + r.result().getCommandId() + " " + r.result().getStatus()
                + (r.result().getPowerVerifiedOff() ? " (power OFF verified)" : "") + ": " + r.result().getDetail())));
        pauses.forEach(p -> lines.add(new Note(p.from(), "PAUSE    correlator stopped until " + offset(p.until()))));
        lines.sort(Comparator.comparing(Note::at));
        final StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(offset(line.at())).append("  ").append(line.text()).append('\n'));
        return text.toString();
    }
}
