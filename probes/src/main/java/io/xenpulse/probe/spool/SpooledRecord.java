package io.xenpulse.probe.spool;

import java.time.Instant;

/**
 * One record read back from the spool: its payload, the time it was stamped with when appended (the age
 * limit counts from it), where it starts and where the next one starts (what to commit once it is delivered).
 */
public record SpooledRecord(SpoolPosition position, SpoolPosition next, Instant timestamp, byte[] payload) {

    /** Bytes the record takes in the spool, framing included. */
    public long spooledBytes() {
        return SegmentFormat.RECORD_OVERHEAD + payload.length;
    }
}
