package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe's bounded write-ahead spool: every observation is appended here before anything tries to deliver
 * it, and read back in append order by one deliverer that {@link #commit commits} what the broker
 * acknowledged. Records live in append-only segment files ({@link SegmentFormat}); a cursor file remembers
 * how far delivery got, so a restarted probe delivers the rest. Memory stays flat: records are streamed from
 * disk in bounded batches.
 *
 * <p>Limits ({@link SpoolLimits}) apply to the undelivered records: beyond the size or age limit the oldest
 * are dropped, counted ({@link #droppedCount()}) and logged. A torn tail left by a crash is cut off when the
 * spool opens; damaged data found later is skipped to the end of its segment. Neither stops the probe.
 *
 * <p>Thread-safe: the probe loop appends while the deliverer reads and commits.
 */
public final class ObservationSpool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationSpool.class);
    private static final long HEADER = SegmentFormat.HEADER_BYTES;

    private final Path dir;
    private final SpoolLimits limits;
    private final Clock clock;
    private final DirectoryLock dirLock;
    private final SpoolCursor cursorFile;
    private final DropCounter drops;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private SpoolPosition cursor;
    private SpoolPosition saved;
    private long pendingBytes;
    private boolean closed;

    private ObservationSpool(Path dir, SpoolLimits limits, Clock clock, DirectoryLock dirLock) {
        this.dir = dir;
        this.limits = limits;
        this.clock = clock;
        this.dirLock = dirLock;
        this.cursorFile = new SpoolCursor(dir.resolve("cursor"));
        this.drops = new DropCounter(dir.toString());
    }

    /**
     * Opens (creating it if needed) the spool in {@code dir}, recovering from a crash of the previous run.
     *
     * @throws IllegalStateException when another probe uses {@code dir}
     */
    public static ObservationSpool open(Path dir, SpoolLimits limits, Clock clock) throws IOException {
        Files.createDirectories(dir);
        final DirectoryLock dirLock = DirectoryLock.acquire(dir);
        final ObservationSpool spool = new ObservationSpool(dir, limits, clock, dirLock);
        try {
            new SpoolRecovery(spool.dir, spool.drops).recover(spool.segments);
            spool.cursor = spool.clamp(spool.cursorFile.read().orElse(new SpoolPosition(spool.segments.firstKey(),
                    HEADER)));
            spool.saved = spool.cursor;
            spool.lock.lock();
            try {
                spool.dropExpired();
                spool.settle();
            } finally {
                spool.lock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        LOG.info("spool {} open: {} bytes waiting for delivery", dir, spool.pendingBytes());
        return spool;
    }

    /**
     * Appends one record after everything appended before, forced to disk; first drops the oldest records if
     * the limits require it.
     *
     * @return false when the record alone exceeds the limits (it is dropped and counted instead)
     */
    public boolean append(Instant timestamp, byte[] payload) throws IOException {
        final long bytes = SegmentFormat.RECORD_OVERHEAD + (long) payload.length;
        if (payload.length > SegmentFormat.MAX_PAYLOAD || bytes > limits.maxBytes()) {
            drops.dropped(1, "a record of " + bytes + " bytes, larger than the spool accepts");
            return false;
        }
        lock.lock();
        try {
            requireOpen();
            final SpoolPosition before = cursor;
            dropExpired();
            long overSize = 0;
            while (pendingBytes + bytes > limits.maxBytes() && dropHead()) {
                overSize++;
            }
            drops.dropped(overSize, "the spool size limit of " + limits.maxBytes() + " bytes");
            Segment active = segments.lastEntry().getValue();
            if (active.size() > HEADER && active.size() + bytes > limits.segmentBytes()) {
                active = roll();
            }
            active.append(timestamp.toEpochMilli(), payload);
            pendingBytes += bytes;
            if (!cursor.equals(before)) {
                settle();
            }
            appended.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest undelivered records, in append order: at least one if there is any, then more while under
     * both limits. Records beyond the age limit are dropped first.
     */
    public List<SpooledRecord> read(int maxRecords, long maxBytes) throws IOException {
        lock.lock();
        try {
            requireOpen();
            dropExpired();
            settle();
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
                        break;
                    }
                    at = new SpoolPosition(following, HEADER);
                }
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Marks everything before {@code next} delivered (the end of the last acknowledged record). */
    public void commit(SpoolPosition next) {
        lock.lock();
        try {
            if (!closed && next.isAfter(cursor)) {
                cursor = next;
                settle();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives up on a record that can never be delivered: it is skipped, counted as dropped and logged. */
    public void discard(SpooledRecord record, String reason) {
        drops.dropped(1, reason);
        commit(record.next());
    }

    /** Waits up to {@code timeout} for an undelivered record; true if there is one. */
    public boolean awaitRecords(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (pendingBytes == 0 && !closed) {
                appended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            return pendingBytes > 0;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a deliverer waiting in {@link #awaitRecords}, e.g. to let it notice a shutdown. */
    public void wakeUp() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of undelivered records, framing included. */
    public long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Observations dropped since the spool opened: beyond the limits, damaged, or undeliverable. */
    public long droppedCount() {
        return drops.total();
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            appended.signalAll();
            for (Segment segment : segments.values()) {
                segment.close();
            }
            dirLock.close();
        } finally {
            lock.unlock();
        }
    }

    private void dropExpired() throws IOException {
        final long cutoff = clock.instant().minus(limits.maxAge()).toEpochMilli();
        long count = 0;
        for (Optional<SegmentFormat.Found> head = head(); head.isPresent() && head.get().timestampMillis() < cutoff;
                head = head()) {
            dropHead();
            count++;
        }
        drops.dropped(count, "the spool age limit of " + limits.maxAge());
    }

    /** The header of the oldest undelivered record, skipping ends of segments and damaged data. */
    private Optional<SegmentFormat.Found> head() throws IOException {
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

    private boolean dropHead() throws IOException {
        final Optional<SegmentFormat.Found> head = head();
        head.ifPresent(found -> {
            cursor = new SpoolPosition(cursor.segment(), cursor.offset() + found.spooledBytes());
            pendingBytes -= found.spooledBytes();
        });
        return head.isPresent();
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

    /** After the cursor moved: saves it, deletes the segments wholly behind it, recounts what is pending. */
    private void settle() {
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

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("spool " + dir + " is closed");
        }
    }
}
