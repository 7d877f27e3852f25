package io.xenpulse.schemas.topics;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.serde.SerdeFactory;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalog of every xenpulse topic. All are keyed by cluster id (a cluster is the failover domain, so
 * all its events share one partition and one correlator task sees them in order).
 *
 * <p>A prefix lets several pipelines (or several tests) share one broker without sharing topics.
 */
public record XenTopics(
        Topic<String, NodeObservation> observations,
        Topic<String, Decision> decisions,
        Topic<String, RecoveryCommand> commands,
        Topic<String, CommandResult> commandResults,
        Topic<String, ClusterInventory> inventory,
        Topic<byte[], byte[]> deadLetters) {

    public static final String OBSERVATIONS = "xen-observations";
    public static final String DECISIONS = "xen-decisions";
    public static final String COMMANDS = "xen-commands";
    public static final String COMMAND_RESULTS = "xen-command-results";
    public static final String INVENTORY = "xen-inventory";
    public static final String DEAD_LETTERS = "xen-dead-letters";

    public static XenTopics create(String prefix, SerdeFactory serdes) {
        return new XenTopics(
                new Topic<>(prefix + OBSERVATIONS, Serdes.String(), serdes.valueSerde(NodeObservation.class)),
                new Topic<>(prefix + DECISIONS, Serdes.String(), serdes.valueSerde(Decision.class)),
                new Topic<>(prefix + COMMANDS, Serdes.String(), serdes.valueSerde(RecoveryCommand.class)),
                new Topic<>(prefix + COMMAND_RESULTS, Serdes.String(), serdes.valueSerde(CommandResult.class)),
                new Topic<>(prefix + INVENTORY, Serdes.String(), serdes.valueSerde(ClusterInventory.class)),
                new Topic<>(prefix + DEAD_LETTERS, Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** Every topic name, for creating them up front. */
    public List<String> names() {
        return List.of(observations.name(), decisions.name(), commands.name(), commandResults.name(),
                inventory.name(), deadLetters.name());
    }

    /** Every topic name under {@code prefix}, in the order of {@link #names()}, without making serdes. */
    public static List<String> namesFor(String prefix) {
        return List.of(prefix + OBSERVATIONS, prefix + DECISIONS, prefix + COMMANDS, prefix + COMMAND_RESULTS,
                prefix + INVENTORY, prefix + DEAD_LETTERS);
    }
}
