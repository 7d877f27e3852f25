package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.command.CommandKind;
import java.time.Instant;

/** A command we issued and whose result we are waiting for. {@code vm} is empty for node commands. */
public record PendingCommand(String commandId, CommandKind kind, String node, String vm, Instant expiresAt) {
}
