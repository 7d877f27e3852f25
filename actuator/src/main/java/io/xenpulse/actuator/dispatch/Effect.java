package io.xenpulse.actuator.dispatch;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import java.util.List;

/**
 * Something the {@link Dispatcher} asks its host to do. The host reports back with
 * {@link Dispatcher#onExecuted}, {@link Dispatcher#onPowerChecked} and {@link Dispatcher#onPublished}.
 *
 * @param <T> the host's handle for a command
 */
public sealed interface Effect<T> {

    /** Run the command through the executor. */
    record Execute<T>(T token, RecoveryCommand command) implements Effect<T> {
    }

    /** Ask the power devices of these nodes whether each is OFF now, before the command may start. */
    record CheckPower<T>(T token, String cluster, List<String> nodes) implements Effect<T> {
        public CheckPower {
            nodes = List.copyOf(nodes);
        }
    }

    /** Publish this result (durably) for the command. */
    record Publish<T>(T token, CommandResult result) implements Effect<T> {
    }
}
