package io.xenpulse.correlator.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * The correlator's memory of one node. Mutated only by the rules in this package; serialised field by field
 * into the state store, so every field is plain data.
 */
public final class NodeState {

    String name;
    String bootId = "";
    long lastSequence = -1;
    /** When the node's newest observation reached the log (broker append time): its last proof of life. */
    Instant lastSeenAt;
    /** When the node's newest observation read as the present (not history) reached the log: its content is fresh. */
    Instant lastCurrentAt;
    /** When, on the correlator's own clock, it last read an observation of the node as the present. */
    Instant currentReadAt;
    NodePhase phase = NodePhase.HEALTHY;
    ControlPath controlPath = ControlPath.UNVERIFIED;
    /** What the node runs, from its latest current observation; decides which daemon is its control path. */
    NodeToolstack toolstack = NodeToolstack.XM;
    boolean unmonitorableReported;
    boolean silentReported;
    /** The last peer verdict reported for this node while it was silent, so each change is reported once. */
    String silenceVerdictReported = "";

    /** What other nodes' probes said about reaching this one (see {@link PeerWitness}). */
    boolean watchedByPeers;
    Instant peerReachedAt;
    Instant peerUnreachedAt;

    /** Set while an incident (daemon outage, loss) is open; part of every command id it causes. */
    String incidentId = "";
    String incidentCause = "";
    Instant daemonDownSince;
    int restartAttempts;
    String restartCommandId = "";
    Instant restartVerifyDeadline;
    Instant restartFailedAt;

    int fenceAttempts;
    String fenceCommandId = "";
    String fencedBootId = "";
    String lastSuppression = "";

    NodeState() {
        // for the state store
    }

    NodeState(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public NodePhase phase() {
        return phase;
    }

    public String bootId() {
        return bootId;
    }

    public ControlPath controlPath() {
        return controlPath;
    }

    /**
     * Whether the correlator cannot see into the node now: no observation read as the present for
     * {@code bound} (its probe is dead or late, or the node is down), so its listings say nothing current.
     */
    boolean cannotBeSeen(Instant now, Duration bound) {
        return lastCurrentAt == null || !lastCurrentAt.plus(bound).isAfter(now);
    }

    /** Whether a fence verified OFF covers the node's current boot: nothing can run on it. */
    boolean isFencedOff() {
        return phase == NodePhase.FENCED && fencedBootId.equals(bootId);
    }

    /** Whether the node can take work: on the ladder's first rung with a healthy control path. */
    boolean isHealthy() {
        return phase == NodePhase.HEALTHY && controlPath.isHealthy();
    }

    void openIncident(String id, String cause) {
        incidentId = id;
        incidentCause = cause;
        restartAttempts = 0;
        restartCommandId = "";
        restartVerifyDeadline = null;
        restartFailedAt = null;
        fenceAttempts = 0;
        fenceCommandId = "";
        lastSuppression = "";
    }

    void closeIncident() {
        phase = NodePhase.HEALTHY;
        daemonDownSince = null;
        openIncident("", "");
    }
}
