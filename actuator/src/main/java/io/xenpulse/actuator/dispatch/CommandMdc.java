package io.xenpulse.actuator.dispatch;

import io.xenpulse.schemas.command.RecoveryCommand;
import org.slf4j.MDC;

/**
 * Puts a command's id, cluster and node into the logging MDC for the duration of a block, so every
 * line logged about the command can be found by any of them.
 */
public final class CommandMdc implements AutoCloseable {

    public static final String COMMAND_ID = "commandId";
    public static final String CLUSTER = "cluster";
    public static final String NODE = "node";

    private CommandMdc() {
    }

    public static CommandMdc of(RecoveryCommand command) {
        return of(command.getCommandId(), command.getCluster(), command.getTargetNode());
    }

    public static CommandMdc of(String commandId, String cluster, String node) {
        put(COMMAND_ID, commandId);
        put(CLUSTER, cluster);
        put(NODE, node);
        return new CommandMdc();
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        MDC.remove(COMMAND_ID);
        MDC.remove(CLUSTER);
        MDC.remove(NODE);
    }
}
