package io.xenpulse.correlator.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings and bounds of the escalation ladder (DESIGN §2 invariant 4). Defaults follow what the systems
 * we measure ourselves against use, tightened where we can be faster safely.
 *
 * @param daemonGrace how long the control daemon may be down before we restart it (a deliberate
 *     {@code service xend restart} takes a few seconds and must never cause an action)
 * @param restartVerifyTimeout how long after a restart command we wait for a healthy observation
 * @param restartRetryDelay pause between restart attempts (Masakari: 5 s)
 * @param maxRestartAttempts restart attempts before fencing (Masakari: 3)
 * @param nodeSilentAfter no observation for this long: the node's VMs are UNKNOWN
 * @param nodeLostAfter no observation for this long: the node is lost and fenced (subject to storm rules)
 * @param maxFenceAttempts fence attempts before asking for an operator
 * @param commandTtl how long a VM or daemon command stays valid
 * @param fenceTtl how long a fence command stays valid (fence agents poll power for up to 20 s and more)
 * @param observationMaxLag an observation that reached the log longer ago than this when the correlator reads
 *     it is history, not the present, even when its probe sent it as live: a batch whose commit completed only
 *     after a broker outage, or a backlog read after a correlator outage. It matches the probe's own
 *     XENPULSE_REPLAY_AFTER (10 s), after which the probe marks what it delivers as replayed. It is also the
 *     gap or lag after which the correlator stops trusting its own view (see {@code OwnView}).
 * @param vmMaxFailures a VM that dies more often than this within {@code vmFailureWindow} is held for an
 *     operator (Pacemaker's migration-threshold)
 * @param vmFailureWindow how long a VM's death counts against it (Pacemaker's failure-timeout)
 */
public record CorrelatorPolicy(
        Duration daemonGrace,
        Duration restartVerifyTimeout,
        Duration restartRetryDelay,
        int maxRestartAttempts,
        Duration nodeSilentAfter,
        Duration nodeLostAfter,
        int maxFenceAttempts,
        Duration commandTtl,
        Duration fenceTtl,
        Duration observationMaxLag,
        int vmMaxFailures,
        Duration vmFailureWindow) {

    public static final int DEFAULT_VM_MAX_FAILURES = 3;
    public static final Duration DEFAULT_VM_FAILURE_WINDOW = Duration.ofHours(1);

    /** A policy with the default flap damping. */
    public CorrelatorPolicy(Duration daemonGrace, Duration restartVerifyTimeout, Duration restartRetryDelay,
            int maxRestartAttempts, Duration nodeSilentAfter, Duration nodeLostAfter, int maxFenceAttempts,
            Duration commandTtl, Duration fenceTtl, Duration observationMaxLag) {
        this(daemonGrace, restartVerifyTimeout, restartRetryDelay, maxRestartAttempts, nodeSilentAfter,
                nodeLostAfter, maxFenceAttempts, commandTtl, fenceTtl, observationMaxLag, DEFAULT_VM_MAX_FAILURES,
                DEFAULT_VM_FAILURE_WINDOW);
    }

    public CorrelatorPolicy {
        Objects.requireNonNull(daemonGrace, "daemonGrace");
        Objects.requireNonNull(restartVerifyTimeout, "restartVerifyTimeout");
        Objects.requireNonNull(restartRetryDelay, "restartRetryDelay");
        Objects.requireNonNull(nodeSilentAfter, "nodeSilentAfter");
        Objects.requireNonNull(nodeLostAfter, "nodeLostAfter");
        Objects.requireNonNull(commandTtl, "commandTtl");
        Objects.requireNonNull(fenceTtl, "fenceTtl");
        Objects.requireNonNull(observationMaxLag, "observationMaxLag");
        Objects.requireNonNull(vmFailureWindow, "vmFailureWindow");
        if (vmMaxFailures < 1 || vmFailureWindow.isNegative() || vmFailureWindow.isZero()) {
            throw new IllegalArgumentException("vmMaxFailures must be at least 1 and vmFailureWindow positive");
        }
        if (maxRestartAttempts < 1 || maxFenceAttempts < 1) {
            throw new IllegalArgumentException("attempt bounds must be at least 1");
        }
        if (nodeLostAfter.compareTo(nodeSilentAfter) < 0) {
            throw new IllegalArgumentException("nodeLostAfter must not be shorter than nodeSilentAfter");
        }
        if (observationMaxLag.isZero() || observationMaxLag.isNegative()
                || observationMaxLag.compareTo(nodeSilentAfter) >= 0) {
            throw new IllegalArgumentException("observationMaxLag must be positive and shorter than nodeSilentAfter"
                    + " (observations that old could not keep a node from falling silent anyway)");
        }
    }

    /**
     * How long a control daemon that cannot be restarted in place (xenstored) may be down before its node is
     * fenced: as long as the restart rungs would have taken, so such a node is never fenced sooner.
     */
    public Duration escalationWithoutRestart() {
        return daemonGrace.plus(restartVerifyTimeout.plus(restartRetryDelay).multipliedBy(maxRestartAttempts));
    }

    /**
     * How long after it was last listed migrating a VM may go unseen before it is held for an operator: twice
     * the lost-node bound, so a destination whose probe is late or silent for a while is waited for.
     */
    public Duration migrationTimeout() {
        return nodeLostAfter.multipliedBy(2);
    }

    /** Production defaults for a 5 s probe interval. */
    public static CorrelatorPolicy defaults() {
        return new CorrelatorPolicy(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(15), Duration.ofSeconds(30), 3, Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(10));
    }
}
