package io.xenpulse.correlator.rules;

/**
 * Where a node stands on the escalation ladder (DESIGN §2 invariant 4).
 *
 * <pre>
 *            healthy observation (any phase before FENCING)
 *   +-----------------------------------------------------------+
 *   v                                                           |
 * HEALTHY --xend down/hung--> DAEMON_DOWN --grace--> RESTARTING -+
 *   |                                                  | attempts exhausted
 *   | lost (silent too long)                           v
 *   +-------------------------------------------> AWAITING_FENCE --guard allows--> FENCING
 *                                                   ^   (storm rules may hold it)     |
 *                                                   +------ fence failed, retry ------+
 *                                                                                     | verified OFF
 *   NEEDS_OPERATOR <-- fence attempts exhausted                                       v
 *                                                     HEALTHY <--new boot id-- FENCED
 * </pre>
 */
public enum NodePhase {
    HEALTHY,
    DAEMON_DOWN,
    RESTARTING,
    AWAITING_FENCE,
    FENCING,
    FENCED,
    NEEDS_OPERATOR;

    /** Phases in which a healthy observation ends the incident. */
    public boolean recoversOnHealthyObservation() {
        return this == DAEMON_DOWN || this == RESTARTING || this == AWAITING_FENCE;
    }
}
