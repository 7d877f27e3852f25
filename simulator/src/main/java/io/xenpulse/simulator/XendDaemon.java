package io.xenpulse.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of xend on one simulated node: running, stopped or hung, whether it can be started at all,
 * and the one pending change a fault scheduled (an operator's restart after a stop, or the end of a hang).
 * A new fault or a restart replaces the pending change, so a stale schedule never fires.
 * Not thread-safe: used under the cluster's lock.
 */
final class XendDaemon {

    enum Status {
        RUNNING,
        STOPPED,
        HUNG
    }

    private Status status = Status.RUNNING;
    private boolean unrestartable;
    private Optional<Instant> pendingChange = Optional.empty();

    Status status() {
        return status;
    }

    boolean answers() {
        return status == Status.RUNNING;
    }

    boolean processPresent() {
        return status != Status.STOPPED;
    }

    /** The instant of the scheduled operator restart or hang end, if any. */
    Optional<Instant> pendingChange() {
        return pendingChange;
    }

    void stop(Optional<Instant> operatorRestartAt) {
        status = Status.STOPPED;
        pendingChange = operatorRestartAt;
    }

    void hang(Optional<Instant> answersAgainAt) {
        status = Status.HUNG;
        pendingChange = answersAgainAt;
    }

    void makeUnrestartable() {
        unrestartable = true;
    }

    /** {@code service xend restart}: kills whatever runs and starts it again, unless it cannot start. */
    boolean restart() {
        pendingChange = Optional.empty();
        if (unrestartable) {
            status = Status.STOPPED;
            return false;
        }
        status = Status.RUNNING;
        return true;
    }

    /** A hang that ends by itself: xend answers again without being restarted. */
    void stopHanging() {
        pendingChange = Optional.empty();
        status = Status.RUNNING;
    }
}
