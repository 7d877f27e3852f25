package io.xenpulse.scenarios.harness;

import io.xenpulse.actuator.admission.ActuatorMemory;
import io.xenpulse.actuator.dispatch.Dispatcher;
import io.xenpulse.actuator.dispatch.Effect;
import io.xenpulse.actuator.execution.PowerStatus;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.PriorityQueue;

/**
 * The actuator in virtual time: its own {@link Dispatcher} (admission with {@code CommandAdmission} on
 * arrival and before start, node and VM {@code Lock}s in its action queue, {@link ActuatorMemory} learning
 * every published result at its position in the result log) hosted here instead of in the Kafka command
 * loop. Admitted commands run on the {@link ClusterExecutor}, after the power check the dispatcher asks for
 * when a start rests on a fence; each result is published to the correlator's
 * input log at the position the next offset of xen-command-results would have.
 */
final class SimulatedActuator {

    private record Running(long token, ClusterExecutor.Attempt attempt) {
    }

    private final Dispatcher<Long> dispatcher;
    private final ClusterExecutor executor;
    private final InputLog log;
    private final Timeline timeline;
    private final PriorityQueue<Running> running = new PriorityQueue<>(
            Comparator.comparing((Running r) -> r.attempt().endsAt()).thenComparingLong(Running::token));
    private long nextToken;
    private long nextPosition;

    SimulatedActuator(ScenarioTimings timings, ClusterExecutor executor, InputLog log, Timeline timeline) {
        this.dispatcher = new Dispatcher<>(new ActuatorMemory(timings.actuator().memoryRetention()));
        this.executor = executor;
        this.log = log;
        this.timeline = timeline;
    }

    void onCommand(RecoveryCommand command, Instant now) {
        carryOut(dispatcher.onCommand(nextToken++, command, now), now);
    }

    /** Ends every attempt due by {@code now}, in the order they end. */
    void step(Instant now) {
        while (!running.isEmpty() && !running.peek().attempt().endsAt().isAfter(now)) {
            final Running done = running.poll();
            carryOut(dispatcher.onExecuted(done.token(), done.attempt().act().get(), now), now);
        }
    }

    private void carryOut(List<Effect<Long>> effects, Instant now) {
        for (Effect<Long> effect : effects) {
            if (effect instanceof Effect.Execute<Long> execute) {
                running.add(new Running(execute.token(), executor.begin(execute.command(), now)));
            } else if (effect instanceof Effect.CheckPower<Long> check) {
                carryOut(dispatcher.onPowerChecked(check.token(), powerOf(check.nodes()), now), now);
            } else if (effect instanceof Effect.Publish<Long> publish) {
                publish(publish.token(), publish.result(), now);
            }
        }
    }

    /** The power check answers at once in virtual time: a status poll is short next to the probe interval. */
    private Map<String, PowerStatus> powerOf(List<String> nodes) {
        final Map<String, PowerStatus> statuses = new TreeMap<>();
        nodes.forEach(node -> statuses.put(node, executor.powerStatus(node)));
        return statuses;
    }

    private void publish(long token, CommandResult result, Instant now) {
        final long position = nextPosition++;
        timeline.resultPublished(result, position, now);
        log.append(result, now);
        carryOut(dispatcher.onPublished(token, result, position, now), now);
    }
}
