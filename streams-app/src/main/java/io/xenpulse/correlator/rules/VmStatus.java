package io.xenpulse.correlator.rules;

/**
 * What the correlator believes about one VM.
 *
 * <pre>
 * RUNNING --missing via healthy xend--> SUSPECT --missing again, later, healthy--> DEAD (recovery starts)
 *    |  ^                                  |
 *    |  +------- seen running again -------+
 *    +--listing through dead/hung xend, or node silent--> UNKNOWN (never acted on)
 *
 * recovery: RESTART policy: RECOVERING (restart on the same node)
 *           RELOCATE policy: STOPPING --stop DONE--> AWAITING_STOP_CONFIRMATION --absent, healthy--> RECOVERING
 *           node fenced and verified OFF: RECOVERING (relocated elsewhere)
 * RUNNING/SUSPECT/UNKNOWN --listed migrating--> MIGRATING --listed running on a node--> RUNNING there
 *                                                  +--not seen running within the bound--> HELD
 * any --listed running on two nodes at once, or elsewhere while being recovered or stopped--> HELD
 * SUSPECT, AWAITING_STOP_CONFIRMATION: count again on a new boot; SUSPECT gives up to UNKNOWN after a bound,
 *   AWAITING_STOP_CONFIRMATION to HELD.
 * HELD: deliberately stopped, died too often, ran twice, or needs an operator: never acted on automatically.
 * </pre>
 */
public enum VmStatus {
    RUNNING,
    UNKNOWN,
    SUSPECT,
    STOPPING,
    AWAITING_STOP_CONFIRMATION,
    RECOVERING,
    MIGRATING,
    HELD
}
