package io.xenpulse.simulator;

/** What happened in one {@link ActionRecord}. */
public enum ActionKind {
    /** A domain was started (or a start was attempted), by an actuator or by a node's boot (/etc/xen/auto). */
    VM_START,
    /** A domain was stopped (or a stop was attempted). */
    VM_STOP,
    /** A domain crashed (injected fault). */
    VM_CRASH,
    /** A domain died because its node was powered off. */
    VM_KILLED_BY_POWER_OFF,
    /** A live migration of a domain began (the source lists it migrating, the target paused). */
    MIGRATION_START,
    /** A live migration handed over: the domain runs on the target and is gone from the source. */
    MIGRATION_DONE,
    /** A live migration ended without a handover (one end lost power, or a domain was destroyed). */
    MIGRATION_ABORTED,
    /** A daemon was stopped or killed (injected fault). */
    DAEMON_STOP,
    /** A daemon stopped answering (injected fault). */
    DAEMON_HANG,
    /** A hung daemon answers again on its own. */
    DAEMON_RECOVERED,
    /** A daemon was made impossible to start (injected fault). */
    DAEMON_UNRESTARTABLE,
    /** A daemon restart (or an attempt). */
    DAEMON_RESTART,
    /** A node was powered off (fenced). */
    POWER_OFF,
    /** A node lost power by itself (injected fault). */
    POWER_LOST,
    /** A node was powered on. */
    POWER_ON,
    /** A node's fence device stopped answering, or answers again (injected fault). */
    FENCE_DEVICE_BROKEN,
    FENCE_DEVICE_REPAIRED,
    /** The monitoring probe on a node died, or was started again (injected fault). */
    PROBE_STOPPED,
    PROBE_STARTED,
    /** A node's network uplink was cut, or restored: nobody reaches it, it reaches nobody (injected fault). */
    UPLINK_CUT,
    UPLINK_RESTORED;

    /** True for starts and stops of domains: the actions a cluster manager takes on VMs. */
    public boolean isVmAction() {
        return this == VM_START || this == VM_STOP;
    }

    /** True when the record's target is a VM (as opposed to a daemon or nothing). */
    public boolean concernsVm() {
        return isVmAction() || this == VM_CRASH || this == VM_KILLED_BY_POWER_OFF || this == MIGRATION_START
                || this == MIGRATION_DONE || this == MIGRATION_ABORTED;
    }
}
