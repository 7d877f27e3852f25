package io.xenpulse.probe.spool;

import java.util.Comparator;

/**
 * A place in the spool: a segment and a byte offset inside it. Positions grow with the order records were
 * appended in, so the cursor ("everything before here is delivered or dropped") only ever moves forward.
 */
public record SpoolPosition(long segment, long offset) implements Comparable<SpoolPosition> {

    private static final Comparator<SpoolPosition> ORDER =
            Comparator.comparingLong(SpoolPosition::segment).thenComparingLong(SpoolPosition::offset);

    public SpoolPosition {
        if (segment < 0 || offset < 0) {
            throw new IllegalArgumentException("a spool position is never negative: " + segment + ":" + offset);
        }
    }

    @Override
    public int compareTo(SpoolPosition other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(SpoolPosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
