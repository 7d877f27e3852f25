package io.xenpulse.actuator.execution;

import io.xenpulse.schemas.command.RecoveryCommand;

/**
 * Carries out one admitted command against the real (or simulated) infrastructure: check, act, verify.
 * "Already in the desired state" is success ({@code ALREADY_IN_STATE}).
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Return {@code REFUSED} only when nothing was attempted; any other status (including a thrown
 *       exception) is taken to mean the action may have happened.</li>
 *   <li>Set {@code powerVerifiedOff} only for FENCE_NODE, and only when a status poll of the fence
 *       device confirmed power OFF.</li>
 *   <li>Honour thread interruption: the actuator interrupts an attempt that exceeds its timeout
 *       (stop waiting, destroy any child process) and then lets the node take further commands.</li>
 *   <li>Never put secrets in the outcome's detail.</li>
 * </ul>
 */
@FunctionalInterface
public interface CommandExecutor {

    ExecutionOutcome execute(RecoveryCommand command) throws Exception;
}
