package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.decision.Severity;
import java.util.Locale;

/** The named rules a decision can cite. The id is what alerting consumers match on; the severity rides along. */
public enum Rule {
    DAEMON_OUTAGE_GRACE(Severity.INFO),
    DAEMON_RECOVERED(Severity.INFO),
    DAEMON_RESTART(Severity.WARNING),
    DAEMON_RESTART_FAILED(Severity.WARNING),
    CORRELATOR_CATCHING_UP(Severity.INFO),
    NODE_SILENT(Severity.WARNING),
    NODE_UNMONITORABLE(Severity.WARNING),
    NODE_LOST(Severity.CRITICAL),
    NODE_PROBE_SILENT(Severity.WARNING),
    NODE_ISOLATION_UNCONFIRMED(Severity.WARNING),
    FENCE_NODE(Severity.CRITICAL),
    FENCE_SUPPRESSED(Severity.WARNING),
    FENCE_VERIFIED_OFF(Severity.WARNING),
    FENCE_FAILED(Severity.CRITICAL),
    NODE_REJOINED(Severity.INFO),
    VM_UNKNOWN_CONTROL_PATH_DOWN(Severity.INFO),
    VM_MISSING_ONCE(Severity.INFO),
    VM_REAPPEARED(Severity.INFO),
    VM_DEAD_RESTART(Severity.WARNING),
    VM_DEAD_STOP_FOR_RELOCATION(Severity.WARNING),
    VM_STOP_CONFIRMED_RELOCATE(Severity.WARNING),
    VM_STOP_FAILED(Severity.CRITICAL),
    VM_RELOCATE_AFTER_FENCE(Severity.WARNING),
    VM_RECOVERED(Severity.INFO),
    VM_MIGRATING(Severity.INFO),
    VM_MIGRATED(Severity.INFO),
    VM_MIGRATION_STALLED(Severity.WARNING),
    VM_RUNNING_TWICE(Severity.CRITICAL),
    VM_RUNNING_ONCE_AGAIN(Severity.INFO),
    VM_SEEN_ELSEWHERE(Severity.CRITICAL),
    VM_FOLLOWED_ELSEWHERE(Severity.INFO),
    VM_STOP_UNCONFIRMED(Severity.WARNING),
    VM_FLAPPING(Severity.WARNING),
    VM_RECOVERY_FAILED(Severity.CRITICAL),
    VM_HELD(Severity.WARNING);

    private final Severity severity;

    Rule(Severity severity) {
        this.severity = severity;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Severity severity() {
        return severity;
    }
}
