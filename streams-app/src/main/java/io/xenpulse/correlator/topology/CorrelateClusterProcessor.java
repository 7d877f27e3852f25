package io.xenpulse.correlator.topology;

import io.xenpulse.correlator.rules.ClusterState;
import io.xenpulse.correlator.rules.Correlator;
import io.xenpulse.correlator.rules.Outcome;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The thin Kafka layer around {@link Correlator}: loads the cluster's state from the store, hands it one
 * input with the wall-clock time, stores it back, and forwards the decisions and commands. A wall-clock
 * punctuator drives the timers, because stream time stands still exactly when a node falls silent.
 */
final class CorrelateClusterProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(CorrelateClusterProcessor.class);

    private final Correlator correlator;
    private final Duration tickInterval;
    private final ClusterStateCodec codec = new ClusterStateCodec();
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> store;

    CorrelateClusterProcessor(Correlator correlator, Duration tickInterval) {
        this.correlator = correlator;
        this.tickInterval = tickInterval;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.store = context.getStateStore(CorrelatorTopology.STATE_STORE);
        context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        final String cluster = record.key();
        if (cluster == null || cluster.isBlank() || record.value() == null) {
            LOG.warn("skipping record without cluster key or value at {}", position());
            return;
        }
        final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        final byte[] before = store.get(cluster);
        final ClusterState state = before == null ? new ClusterState(cluster) : codec.decode(before);
        final Outcome outcome = dispatch(state, record, now);
        if (outcome == null) {
            LOG.warn("skipping record of unexpected type {} at {}", record.value().getClass().getSimpleName(), position());
            return;
        }
        store.put(cluster, codec.encode(state));
        emit(cluster, outcome, now);
    }

    private Outcome dispatch(ClusterState state, Record<String, SpecificRecord> record, Instant now) {
        final SpecificRecord input = record.value();
        if (input instanceof NodeObservation observation) {
            return onObservation(state, observation, Instant.ofEpochMilli(record.timestamp()), now);
        }
        if (input instanceof CommandResult result) {
            return correlator.onResult(state, result, now);
        }
        if (input instanceof ClusterInventory inventory) {
            return correlator.onInventory(state, inventory, now);
        }
        return null;
    }

    /**
     * The record's timestamp is the broker's append time (xen-observations is a LogAppendTime topic), so the
     * lag is measured between two server clocks, not against the clock of the node that sent it.
     */
    private Outcome onObservation(ClusterState state, NodeObservation observation, Instant loggedAt, Instant now) {
        if (!observation.getReplayed() && correlator.isHistory(loggedAt, now)) {
            LOG.debug("observation {} of {} reached the log at {}, {} ms before it was read: history, not the"
                    + " present", observation.getSequence(), observation.getNode(), loggedAt,
                    now.toEpochMilli() - loggedAt.toEpochMilli());
        }
        return correlator.onObservation(state, observation, loggedAt, now);
    }

    private void tick(long wallClockMs) {
        final Instant now = Instant.ofEpochMilli(wallClockMs);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                final KeyValue<String, byte[]> entry = all.next();
                final ClusterState state = codec.decode(entry.value);
                final Outcome outcome = correlator.onTick(state, now);
                final byte[] after = codec.encode(state);
                if (!Arrays.equals(entry.value, after)) {
                    store.put(entry.key, after);
                }
                emit(entry.key, outcome, now);
            }
        }
    }

    private void emit(String cluster, Outcome outcome, Instant now) {
        final long timestamp = now.toEpochMilli();
        for (Decision decision : outcome.decisions()) {
            try (MDC.MDCCloseable c = MDC.putCloseable("cluster", cluster);
                 MDC.MDCCloseable d = MDC.putCloseable("decision", decision.getDecisionId())) {
                LOG.info("decision {} node={} vm={} action={}: {}", decision.getRule(), decision.getNode(),
                        decision.getVm(), decision.getAction(), decision.getReason());
            }
            context.forward(new Record<String, SpecificRecord>(cluster, decision, timestamp),
                    CorrelatorTopology.DECISIONS_SINK);
        }
        for (RecoveryCommand command : outcome.commands()) {
            context.forward(new Record<String, SpecificRecord>(cluster, command, timestamp),
                    CorrelatorTopology.COMMANDS_SINK);
        }
    }

    private String position() {
        return context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
                .orElse("(punctuation)");
    }
}
