package io.xenpulse.simulator;

/** What happened in one {@link ActionRecord}. */
public enum ActionKind {
    /** A domain was started (or a start was attempted). */
    VM_START,
    /** A domain was stopped (or a stop was attempted). */
    VM_STOP,
    /** A domain crashed (injected fault). */
    VM_CRASH,
    /** A domain died because its node was powered off. */
    VM_KILLED_BY_POWER_OFF,
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
    /** A node was powered on. */
    POWER_ON;

    /** True for starts and stops of domains: the actions a cluster manager takes on VMs. */
    public boolean isVmAction() {
        return this == VM_START || this == VM_STOP;
    }

    /** True when the record's target is a VM (as opposed to a daemon or nothing). */
    public boolean concernsVm() {
        return isVmAction() || this == VM_CRASH || this == VM_KILLED_BY_POWER_OFF;
    }
}
