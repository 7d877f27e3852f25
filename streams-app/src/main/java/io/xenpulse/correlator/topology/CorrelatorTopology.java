package io.xenpulse.correlator.topology;

import io.xenpulse.correlator.rules.Correlator;
import io.xenpulse.correlator.rules.CorrelatorPolicy;
import io.xenpulse.schemas.topics.Topic;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the correlator's topology: observations, command results and the inventory (all keyed by cluster,
 * so one task sees a whole cluster in order) feed one processor that keeps the cluster state in a store and
 * writes decisions and commands.
 *
 * <pre>
 * xen-observations ----\
 * xen-command-results --> correlate-cluster [cluster-state-store] --> xen-decisions
 * xen-inventory -------/        (wall-clock tick)                 \--> xen-commands
 * </pre>
 */
public final class CorrelatorTopology {

    public static final String STATE_STORE = "cluster-state-store";
    static final String OBSERVATIONS_SOURCE = "observations-source";
    static final String RESULTS_SOURCE = "command-results-source";
    static final String INVENTORY_SOURCE = "inventory-source";
    static final String PROCESSOR = "correlate-cluster";
    static final String DECISIONS_SINK = "decisions-sink";
    static final String COMMANDS_SINK = "commands-sink";

    private CorrelatorTopology() {
    }

    public static Topology build(CorrelatorPolicy policy, Duration tickInterval, XenTopics topics) {
        final Topology topology = new Topology();
        addSource(topology, OBSERVATIONS_SOURCE, topics.observations());
        addSource(topology, RESULTS_SOURCE, topics.commandResults());
        addSource(topology, INVENTORY_SOURCE, topics.inventory());
        topology.addProcessor(PROCESSOR, () -> new CorrelateClusterProcessor(new Correlator(policy), tickInterval),
                OBSERVATIONS_SOURCE, RESULTS_SOURCE, INVENTORY_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        addSink(topology, DECISIONS_SINK, topics.decisions());
        addSink(topology, COMMANDS_SINK, topics.commands());
        return topology;
    }

    private static <V extends SpecificRecord> void addSource(Topology topology, String name, Topic<String, V> topic) {
        final Deserializer<V> values = topic.valueSerde().deserializer();
        topology.addSource(name, topic.keySerde().deserializer(), values, topic.name());
    }

    private static <V extends SpecificRecord> void addSink(Topology topology, String name, Topic<String, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), asRecordSerializer(topic.valueSerde().serializer()),
                PROCESSOR);
    }

    /** The processor forwards SpecificRecords; each sink receives only its own type, by construction. */
    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> Serializer<SpecificRecord> asRecordSerializer(Serializer<V> serializer) {
        return (Serializer<SpecificRecord>) serializer;
    }
}
