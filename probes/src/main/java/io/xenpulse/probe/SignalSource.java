package io.xenpulse.probe;

import io.xenpulse.schemas.observation.Toolstack;
import java.util.Optional;

/**
 * Where a probe gets its signals from: the real Xen tools on a node (a later backend), or a simulated
 * node. Called from the probe's single loop thread.
 */
public interface SignalSource {

    /**
     * Gathers every signal once. Each check inside has its own timeout and reports its own failure (DOWN,
     * HUNG, PARSE_ERROR), so this only throws when the source as a whole is broken.
     *
     * @return empty when there is nothing to report this cycle (the node answers nothing)
     */
    Optional<NodeSignals> read();

    /** The node's current boot id ({@code /proc/sys/kernel/random/boot_id}). */
    String bootId();

    /**
     * The toolstack the node runs, as this source found it. UNDECLARED for a source that does not judge it
     * (a simulated node): the correlator then infers it from the daemons and listings reported.
     */
    default Toolstack toolstack() {
        return Toolstack.UNDECLARED;
    }
}
