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
 * HELD: deliberately stopped, or needs an operator: never acted on automatically.
 * </pre>
 */
public enum VmStatus {
    RUNNING,
    UNKNOWN,
    SUSPECT,
    STOPPING,
    AWAITING_STOP_CONFIRMATION,
    RECOVERING,
    HELD
}
