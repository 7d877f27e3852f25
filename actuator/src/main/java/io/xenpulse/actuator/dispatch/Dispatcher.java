package io.xenpulse.actuator.dispatch;

import io.xenpulse.actuator.admission.ActionQueue;
import io.xenpulse.actuator.admission.ActuatorMemory;
import io.xenpulse.actuator.admission.CommandAdmission;
import io.xenpulse.actuator.admission.Lock;
import io.xenpulse.actuator.admission.Verdict;
import io.xenpulse.actuator.execution.ExecutionOutcome;
import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of each command, without Kafka: admitted or rejected on arrival, waiting for its node,
 * checked again (asking the power devices of fenced nodes when its safety rests on a fence) and started,
 * executed, its result published and learnt. Single-threaded: the host calls it from one thread and
 * carries out the {@link Effect}s it returns.
 *
 * <pre>
 *  arrive --reject--> PUBLISHING --published--> (learnt, locks freed)
 *    |                    ^   ^
 *  proceed                |   +------reject (expired / precondition / power not OFF)------+
 *    v                    |                                                              |
 *  WAITING --locks free--> beforeStart --proceed--------------------> EXECUTING --outcome--+
 *                              |                                          ^
 *                          check power --> CHECKING_POWER --all OFF-------+
 * </pre>
 *
 * <p>A command keeps its node and VM locks until its result is published <em>and learnt</em>, so the
 * next command for that node or VM is checked against it.
 *
 * @param <T> the host's handle for a command (e.g. its partition and offset)
 */
public final class Dispatcher<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private enum Phase { WAITING, CHECKING_POWER, EXECUTING, PUBLISHING }

    private record Tracked(RecoveryCommand command, Phase phase, Instant startedAt) {
        Tracked in(Phase next, Instant at) {
            return new Tracked(command, next, at);
        }
    }

    private final ActuatorMemory memory;
    private final CommandAdmission admission;
    private final ActionQueue<T> queue = new ActionQueue<>();
    private final Map<T, Tracked> tracked = new HashMap<>();

    public Dispatcher(ActuatorMemory memory) {
        this.memory = memory;
        this.admission = new CommandAdmission(memory);
    }

    /** A command arrived. */
    public List<Effect<T>> onCommand(T token, RecoveryCommand command, Instant now) {
        if (tracked.containsKey(token)) {
            throw new IllegalArgumentException("token already in use: " + token);
        }
        final Verdict verdict = admission.onArrival(command, now);
        if (verdict instanceof Verdict.Reject reject) {
            return List.of(reject(token, command, reject, now));
        }
        memory.rememberCommand(command.getCommandId(), now);
        tracked.put(token, new Tracked(command, Phase.WAITING, now));
        queue.enqueue(token, Lock.neededBy(command));
        final List<Effect<T>> effects = startReady(now);
        if (queue.isWaiting(token)) {
            try (CommandMdc mdc = CommandMdc.of(command)) {
                LOG.info("{} waiting: {} busy", command.getKind(), queue.blockersOf(token));
            }
        }
        return effects;
    }

    /** The executor answered (or timed out) for a started command. */
    public List<Effect<T>> onExecuted(T token, ExecutionOutcome outcome, Instant now) {
        final Tracked entry = tracked.get(token);
        if (entry == null || entry.phase() != Phase.EXECUTING) {
            throw new IllegalStateException("not executing: " + token);
        }
        final CommandResult result = Results.executed(entry.command(), outcome, entry.startedAt(), now);
        tracked.put(token, entry.in(Phase.PUBLISHING, entry.startedAt()));
        try (CommandMdc mdc = CommandMdc.of(entry.command())) {
            LOG.info("{} finished: {} ({})", entry.command().getKind(), outcome.status(), outcome.detail());
        }
        return List.of(new Effect.Publish<>(token, result));
    }

    /** The power devices asked for by an {@link Effect.CheckPower} answered (or timed out as UNKNOWN). */
    public List<Effect<T>> onPowerChecked(T token, Map<String, PowerStatus> statuses, Instant now) {
        final Tracked entry = tracked.get(token);
        if (entry == null || entry.phase() != Phase.CHECKING_POWER) {
            throw new IllegalStateException("not checking power: " + token);
        }
        final Verdict verdict = admission.afterPowerCheck(entry.command(), statuses, now);
        try (CommandMdc mdc = CommandMdc.of(entry.command())) {
            LOG.info("{} power check: {}", entry.command().getKind(), statuses);
        }
        final List<Effect<T>> effects = new ArrayList<>();
        if (verdict instanceof Verdict.Reject reject) {
            // Nothing was done, so its locks can go to the next command right away.
            queue.release(token);
            effects.add(reject(token, entry.command(), reject, now));
            effects.addAll(startReady(now));
        } else {
            effects.add(execute(token, entry, now));
        }
        return effects;
    }

    /** A result is durably published at {@code position} of its cluster's result log. */
    public List<Effect<T>> onPublished(T token, CommandResult result, long position, Instant now) {
        memory.learn(result, position);
        tracked.remove(token);
        queue.release(token);
        return startReady(now);
    }

    /** A result found on the result topic (written by any instance, ourselves included). */
    public void learn(CommandResult result, long position) {
        memory.learn(result, position);
    }

    /** Drops waiting commands the host no longer owns; their ids become free again. */
    public int abandonWaiting(Predicate<T> owned) {
        final List<T> dropped = tracked.entrySet().stream()
                .filter(e -> e.getValue().phase() == Phase.WAITING && owned.test(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (T token : dropped) {
            queue.withdraw(token);
            memory.forgetCommand(tracked.remove(token).command().getCommandId());
        }
        return dropped.size();
    }

    /** Whether any matching command is still waiting, executing or publishing. */
    public boolean hasUnfinished(Predicate<T> which) {
        return tracked.keySet().stream().anyMatch(which);
    }

    public int unfinishedCount() {
        return tracked.size();
    }

    public void evict(Instant now) {
        memory.evict(now);
    }

    private List<Effect<T>> startReady(Instant now) {
        final List<Effect<T>> effects = new ArrayList<>();
        boolean freedLocks = true;
        while (freedLocks) {
            freedLocks = false;
            for (T token : queue.takeStartable()) {
                final Tracked entry = tracked.get(token);
                final Verdict verdict = admission.beforeStart(entry.command(), now);
                if (verdict instanceof Verdict.Reject reject) {
                    // Nothing was done, so its locks can go to the next command right away.
                    queue.release(token);
                    freedLocks = true;
                    effects.add(reject(token, entry.command(), reject, now));
                } else if (verdict instanceof Verdict.CheckPower check) {
                    // Keeps its locks while the devices answer: nothing may start this VM meanwhile.
                    tracked.put(token, entry.in(Phase.CHECKING_POWER, now));
                    try (CommandMdc mdc = CommandMdc.of(entry.command())) {
                        LOG.info("{} asks the power devices of {} first", entry.command().getKind(), check.nodes());
                    }
                    effects.add(new Effect.CheckPower<>(token, entry.command().getCluster(), check.nodes()));
                } else {
                    effects.add(execute(token, entry, now));
                }
            }
        }
        return effects;
    }

    private Effect<T> execute(T token, Tracked entry, Instant now) {
        tracked.put(token, entry.in(Phase.EXECUTING, now));
        try (CommandMdc mdc = CommandMdc.of(entry.command())) {
            LOG.info("{} started (attempt {})", entry.command().getKind(), entry.command().getAttempt());
        }
        return new Effect.Execute<>(token, entry.command());
    }

    private Effect<T> reject(T token, RecoveryCommand command, Verdict.Reject reject, Instant now) {
        tracked.put(token, new Tracked(command, Phase.PUBLISHING, now));
        try (CommandMdc mdc = CommandMdc.of(command)) {
            LOG.info("{} {}: {}", command.getKind(), reject.status(), reject.detail());
        }
        return new Effect.Publish<>(token, Results.rejected(command, reject.status(), reject.detail(), now));
    }
}
