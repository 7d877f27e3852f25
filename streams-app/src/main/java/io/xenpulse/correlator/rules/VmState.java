package io.xenpulse.correlator.rules;

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
