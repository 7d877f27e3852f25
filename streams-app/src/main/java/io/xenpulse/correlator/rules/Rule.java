package io.xenpulse.correlator.rules;

import java.util.Locale;

/** The named rules a decision can cite. The id is what alerting consumers match on. */
public enum Rule {
    DAEMON_OUTAGE_GRACE,
    DAEMON_RECOVERED,
    DAEMON_RESTART,
    DAEMON_RESTART_FAILED,
    CORRELATOR_CATCHING_UP,
    NODE_SILENT,
    NODE_UNMONITORABLE,
    NODE_LOST,
    NODE_PROBE_SILENT,
    NODE_ISOLATION_UNCONFIRMED,
    FENCE_NODE,
    FENCE_SUPPRESSED,
    FENCE_VERIFIED_OFF,
    FENCE_FAILED,
    NODE_REJOINED,
    VM_UNKNOWN_CONTROL_PATH_DOWN,
    VM_MISSING_ONCE,
    VM_REAPPEARED,
    VM_DEAD_RESTART,
    VM_DEAD_STOP_FOR_RELOCATION,
    VM_STOP_CONFIRMED_RELOCATE,
    VM_STOP_FAILED,
    VM_RELOCATE_AFTER_FENCE,
    VM_RECOVERED,
    VM_MIGRATING,
    VM_MIGRATED,
    VM_MIGRATION_STALLED,
    VM_RUNNING_TWICE,
    VM_SEEN_ELSEWHERE,
    VM_STOP_UNCONFIRMED,
    VM_FLAPPING,
    VM_RECOVERY_FAILED,
    VM_HELD;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
