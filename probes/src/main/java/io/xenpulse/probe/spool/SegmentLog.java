package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's records on disk: the ordered segment files, the cursor before which everything is delivered or
 * dropped, and the file that keeps the cursor across restarts. It appends (rolling to a new segment when one
 * is full), reads from the cursor, moves the cursor past records, and deletes the segments left wholly behind.
 * Damaged data is skipped to the end of its segment. Not thread-safe: {@link ObservationSpool} calls it
 * under its lock and decides what to drop.
 */
final class SegmentLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);
    private static final long HEADER = SegmentFormat.HEADER_BYTES;

    private final Path dir;
    private final long segmentBytes;
    private final DropCounter drops;
    private final SpoolCursor cursorFile;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private SpoolPosition cursor;
    private SpoolPosition saved;
    private long pendingBytes;

    private SegmentLog(Path dir, long segmentBytes, DropCounter drops) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.drops = drops;
        this.cursorFile = new SpoolCursor(dir.resolve("cursor"));
    }

    /** Opens the segments in {@code dir} after recovering them, with the cursor where delivery stopped. */
    static SegmentLog open(Path dir, long segmentBytes, DropCounter drops) throws IOException {
        final SegmentLog log = new SegmentLog(dir, segmentBytes, drops);
        try {
            new SpoolRecovery(dir, drops).recover(log.segments);
            log.cursor = log.clamp(log.cursorFile.read().orElse(new SpoolPosition(log.segments.firstKey(), HEADER)));
            log.saved = log.cursor;
            log.settle();
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    /** Bytes of the records after the cursor, framing included. */
    long pendingBytes() {
        return pendingBytes;
    }

    void append(Instant timestamp, byte[] payload) throws IOException {
        final long bytes = SegmentFormat.RECORD_OVERHEAD + (long) payload.length;
        Segment active = segments.lastEntry().getValue();
        if (active.size() > HEADER && active.size() + bytes > segmentBytes) {
            active = roll();
        }
        active.append(timestamp.toEpochMilli(), payload);
        pendingBytes += bytes;
    }

    /** Up to {@code maxRecords} records from the cursor on (at least one while under {@code maxBytes}). */
    List<SpooledRecord> read(int maxRecords, long maxBytes) throws IOException {
        final List<SpooledRecord> batch = new ArrayList<>();
        SpoolPosition at = cursor;
        long bytes = 0;
        while (batch.size() < maxRecords && bytes < maxBytes) {
            final SegmentFormat.Read read = segments.get(at.segment()).read(at.offset(), true);
            if (read instanceof SegmentFormat.Found found) {
                final SpoolPosition next = new SpoolPosition(at.segment(), at.offset() + found.spooledBytes());
                batch.add(new SpooledRecord(at, next, Instant.ofEpochMilli(found.timestampMillis()),
                        found.payload()));
                bytes += found.spooledBytes();
                at = next;
            } else if (read instanceof SegmentFormat.Corrupt corrupt && batch.isEmpty()) {
                skipDamaged(at.segment(), corrupt.reason());
                at = cursor;
            } else {
                final Long following = segments.higherKey(at.segment());
                if (following == null || read instanceof SegmentFormat.Corrupt) {
                    break; // the end, or damage to report once what comes before it is delivered
                }
                at = new SpoolPosition(following, HEADER);
            }
        }
        return batch;
    }

    /** The header of the oldest undelivered record, after skipping ends of segments and damaged data. */
    Optional<SegmentFormat.Found> head() throws IOException {
        while (true) {
            final SegmentFormat.Read read = segments.get(cursor.segment()).read(cursor.offset(), false);
            if (read instanceof SegmentFormat.Found found) {
                return Optional.of(found);
            }
            final Long following = segments.higherKey(cursor.segment());
            if (read instanceof SegmentFormat.Corrupt corrupt) {
                skipDamaged(cursor.segment(), corrupt.reason());
            } else if (following == null) {
                return Optional.empty();
            } else {
                cursor = new SpoolPosition(following, HEADER);
            }
        }
    }

    /** Moves the cursor past the oldest undelivered record; false when there is none. */
    boolean dropHead() throws IOException {
        final Optional<SegmentFormat.Found> head = head();
        head.ifPresent(found -> {
            cursor = new SpoolPosition(cursor.segment(), cursor.offset() + found.spooledBytes());
            pendingBytes -= found.spooledBytes();
        });
        return head.isPresent();
    }

    /** Moves the cursor to {@code next} unless it is there or beyond already, and settles. */
    void advanceTo(SpoolPosition next) {
        if (next.isAfter(cursor)) {
            cursor = next;
        }
        settle();
    }

    /** After the cursor moved: saves it, deletes the segments wholly behind it, recounts what is pending. */
    void settle() {
        while (cursor.offset() >= segments.get(cursor.segment()).size() && cursor.segment() < segments.lastKey()) {
            cursor = new SpoolPosition(segments.higherKey(cursor.segment()), HEADER);
        }
        if (!cursor.equals(saved)) {
            try {
                cursorFile.write(cursor);
                saved = cursor;
            } catch (IOException e) {
                LOG.warn("cannot save the spool cursor in {} (delivered records may be delivered again after a"
                        + " restart): {}", dir, e.toString());
            }
        }
        for (Map.Entry<Long, Segment> old = segments.firstEntry(); old.getKey() < cursor.segment();
                old = segments.firstEntry()) {
            segments.remove(old.getKey());
            try {
                old.getValue().delete();
            } catch (IOException e) {
                LOG.warn("cannot delete delivered spool segment {}: {}", old.getValue().path(), e.toString());
            }
        }
        pendingBytes = segments.tailMap(cursor.segment(), true).values().stream()
                .mapToLong(s -> s.size() - (s.id() == cursor.segment() ? cursor.offset() : HEADER)).sum();
    }

    @Override
    public void close() throws IOException {
        for (Segment segment : segments.values()) {
            segment.close();
        }
    }

    private void skipDamaged(long segment, String reason) throws IOException {
        LOG.warn("spool segment {} is damaged ({}): skipping the rest of it", Segment.pathOf(dir, segment), reason);
        if (segment == segments.lastKey()) {
            roll();
        }
        cursor = new SpoolPosition(segments.higherKey(segment), HEADER);
        drops.dropped(1, "damaged spool data");
        settle();
    }

    private Segment roll() throws IOException {
        final Segment previous = segments.lastEntry().getValue();
        final Segment next = Segment.create(dir, previous.id() + 1);
        segments.put(next.id(), next);
        if (previous.id() != cursor.segment()) {
            previous.close();
        }
        return next;
    }

    /** A saved cursor made valid for the segments that exist now. */
    private SpoolPosition clamp(SpoolPosition position) {
        final Segment segment = segments.get(position.segment());
        if (segment != null) {
            return new SpoolPosition(segment.id(), Math.max(HEADER, Math.min(position.offset(), segment.size())));
        }
        final Long following = segments.ceilingKey(position.segment());
        if (following != null) {
            return new SpoolPosition(following, HEADER);
        }
        return new SpoolPosition(segments.lastKey(), segments.lastEntry().getValue().size());
    }
}
