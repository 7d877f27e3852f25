package io.xenpulse.actuator.admission;

import java.util.HashMap;
import java.util.Map;

/**
 * The facts about one node that relocation safety rests on, each stored as the <em>position</em> of the
 * result that established it in its cluster's result log (see {@link ActuatorMemory}).
 *
 * <p>Positions only grow, so learning the same result twice (our own result, then again when tailing
 * the topic) changes nothing.
 */
public final class NodeHistory {

    private static final long NEVER = -1L;

    /** How a VM is known to be down on this node. */
    public enum DownProof {
        /** A successful STOP_VM of the VM here, newer than its last start and than the last fence. */
        STOP,
        /** A fence verified OFF newer than the VM's last start and than any sign of power: holds only while
         *  the node's power device still says OFF. */
        FENCE,
        /** Nothing the actuator has seen proves it. */
        NONE
    }

    private long fencedOff = NEVER;
    private long seenPoweredOn = NEVER;
    private final Map<String, Long> vmStarted = new HashMap<>();
    private final Map<String, Long> vmStopped = new HashMap<>();

    void fencedOffAt(long position) {
        fencedOff = Math.max(fencedOff, position);
    }

    void poweredOnAt(long position) {
        seenPoweredOn = Math.max(seenPoweredOn, position);
    }

    /**
     * The node's power device said ON after the last fence learnt: that fence was of an earlier boot and
     * covers nothing any more. A later fence (at a higher position) covers again.
     */
    void poweredOnSinceLastFence() {
        seenPoweredOn = Math.max(seenPoweredOn, fencedOff);
    }

    void vmStartedAt(String vm, long position) {
        vmStarted.merge(vm, position, Math::max);
    }

    void vmStoppedAt(String vm, long position) {
        vmStopped.merge(vm, position, Math::max);
    }

    /** Whether some start of this VM on this node was attempted (and may have succeeded). */
    public boolean mayHaveStarted(String vm) {
        return vmStarted.containsKey(vm);
    }

    /**
     * Whether a fence verified OFF proves the VM is not running here: the fence must be newer than the
     * last start of the VM here and than any later sign of the node being powered on (a node that came
     * back may have started the VM by itself, e.g. from /etc/xen/auto).
     */
    public boolean fenceCovers(String vm) {
        return fencedOff != NEVER && fencedOff > seenPoweredOn && fencedOff > started(vm);
    }

    /** Whether a confirmed stop of the VM here is newer than its last start here. */
    public boolean stopCovers(String vm) {
        final Long stopped = vmStopped.get(vm);
        return stopped != null && stopped > started(vm);
    }

    /**
     * How the VM is proven down here. A stop counts on its own only when no fence followed it: a fenced
     * node may have booted again since and auto-started the VM, so after a fence only the fence (checked
     * against the power device) or a newer stop can prove anything.
     */
    public DownProof downProof(String vm) {
        if (stopCovers(vm) && vmStopped.get(vm) > fencedOff) {
            return DownProof.STOP;
        }
        return fenceCovers(vm) ? DownProof.FENCE : DownProof.NONE;
    }

    private long started(String vm) {
        return vmStarted.getOrDefault(vm, NEVER);
    }
}
