package io.xenpulse.scenarios.harness;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the correlator reads, as the broker logged it: observations and command results, each with the time
 * it reached the log (xen-observations is a LogAppendTime topic) and in that order. Both topics are keyed by
 * cluster, so a task reads the two partitions merged by timestamp, which is this order. A record can be
 * appended with a time in the future (a late observation still on its way): it is readable only from then.
 */
final class InputLog {

    /** One record of xen-observations or xen-command-results. */
    record Entry(Instant appendedAt, long order, SpecificRecord value) {
    }

    private final PriorityQueue<Entry> unread = new PriorityQueue<>(
            Comparator.comparing(Entry::appendedAt).thenComparingLong(Entry::order));
    private long nextOrder;

    void append(SpecificRecord value, Instant appendedAt) {
        unread.add(new Entry(appendedAt, nextOrder++, value));
    }

    /** The next record in log order, if it has reached the log by {@code now}. */
    Optional<Entry> takeReadable(Instant now) {
        final Entry next = unread.peek();
        if (next == null || next.appendedAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(unread.poll());
    }

    boolean hasReadable(Instant now) {
        final Entry next = unread.peek();
        return next != null && !next.appendedAt().isAfter(now);
    }
}
