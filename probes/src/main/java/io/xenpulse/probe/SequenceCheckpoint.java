package io.xenpulse.probe;

/**
 * Where a probe keeps the last sequence number it used, so a restarted probe process (an upgrade, a systemd
 * restart) continues the sequence of the same boot instead of starting again at 0: the correlator ignores
 * sequence numbers it has already seen for a boot, and would take a restarted probe for a silent node.
 */
public interface SequenceCheckpoint {

    /** The last sequence used for this boot id, or -1 when none was recorded. */
    long lastUsed(String bootId);

    /** Records that {@code sequence} was used for {@code bootId}. */
    void record(String bootId, long sequence);

    /** A checkpoint that lives only as long as the process (tests, the demo). */
    static SequenceCheckpoint inMemory() {
        return new SequenceCheckpoint() {
            private String boot = "";
            private long last = -1;

            @Override
            public synchronized long lastUsed(String bootId) {
                return bootId.equals(boot) ? last : -1;
            }

            @Override
            public synchronized void record(String bootId, long sequence) {
                boot = bootId;
                last = sequence;
            }
        };
    }
}
