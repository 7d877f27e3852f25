package io.xenpulse.correlator.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The correlator's memory of one VM: where it last ran and what we believe about it now. */
public final class VmState {

    String name;
    String node;
    VmStatus status = VmStatus.RUNNING;

    /** The observation that first showed it missing through a healthy control path. */
    long suspectSequence = -1;
    String suspectBootId = "";

    /** A stop must be confirmed by an observation taken after this sequence of the same boot. */
    long stopConfirmAfterSequence = -1;
    String stopBootId = "";
    /** Set once a later healthy listing showed the VM absent after its stop was reported done. */
    boolean stopConfirmed;

    String pendingCommandId = "";
    String recoveryTarget = "";
    int recoveryAttempts;
    String heldReason = "";

    /** Running streaks per node (see {@link VmSightings}). */
    final Map<String, Instant> aliveSince = new TreeMap<>();
    final Map<String, Instant> aliveAt = new TreeMap<>();
    /** Set while the VM is held because it ran on two nodes at once; cleared once it runs in one place. */
    boolean runningTwice;

    /** When the current waiting state began, or last had news (timers end every waiting state). */
    Instant suspectSince;
    Instant stopAwaitSince;
    Instant migratingSeenAt;
    String migratingFrom = "";

    /** When recent confirmed deaths happened, for flap damping (Pacemaker's migration-threshold). */
    final List<Instant> failures = new ArrayList<>();

    VmState() {
        // for the state store
    }

    VmState(String name, String node) {
        this.name = name;
        this.node = node;
    }

    public String name() {
        return name;
    }

    public String node() {
        return node;
    }

    public VmStatus status() {
        return status;
    }

    void running(String onNode) {
        node = onNode;
        status = VmStatus.RUNNING;
        suspectSequence = -1;
        suspectBootId = "";
        suspectSince = null;
        stopAwaitSince = null;
        migratingSeenAt = null;
        migratingFrom = "";
        stopConfirmAfterSequence = -1;
        stopConfirmed = false;
        pendingCommandId = "";
        recoveryTarget = "";
        recoveryAttempts = 0;
        heldReason = "";
    }

    void hold(String reason) {
        status = VmStatus.HELD;
        heldReason = reason;
        pendingCommandId = "";
    }
}
