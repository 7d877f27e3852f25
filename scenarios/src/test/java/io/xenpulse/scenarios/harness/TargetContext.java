package io.xenpulse.scenarios.harness;

/**
 * The truth about a command's target node at the instant the correlator issued the command, taken from the
 * simulator (and, for the last field, from what the correlator had read), so invariants can be judged later.
 *
 * @param peersReachIt powered on with its uplink up while some other node is too: its peers' checks reach it
 * @param probeSilentOnly the node is fine but its probe is dead or late: only the monitoring path failed
 * @param lastReadControlPath the control path as the latest observation of the node the correlator had read
 *     showed it
 */
public record TargetContext(
        boolean poweredOn,
        boolean uplinkUp,
        boolean controlPathAnswers,
        boolean peersReachIt,
        boolean probeSilentOnly,
        ControlPathSeen lastReadControlPath) {

    /** What the correlator's latest observation of a node said about its control path. */
    public enum ControlPathSeen {
        HEALTHY,
        UNHEALTHY,
        NEVER_SEEN
    }
}
