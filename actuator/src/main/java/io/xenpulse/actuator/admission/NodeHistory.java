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

    /** Whether the VM is proven down on this node, by a fence or by a stop. */
    public boolean provesDown(String vm) {
        return fenceCovers(vm) || stopCovers(vm);
    }

    private long started(String vm) {
        return vmStarted.getOrDefault(vm, NEVER);
    }
}
