package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final Path dir;
    private final SpoolLimits limits;
    private final Clock clock;
    private final DirectoryLock dirLock;
    private final DropCounter drops;
    private final SegmentLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private boolean closed;

    private ObservationSpool(Path dir, SpoolLimits limits, Clock clock, DirectoryLock dirLock, DropCounter drops,
            SegmentLog log) {
        this.dir = dir;
        this.limits = limits;
        this.clock = clock;
        this.dirLock = dirLock;
        this.drops = drops;
        this.log = log;
    }

    /**
     * Opens (creating it if needed) the spool in {@code dir}, recovering from a crash of the previous run.
     *
     * @throws IllegalStateException when another probe uses {@code dir}
     */
    public static ObservationSpool open(Path dir, SpoolLimits limits, Clock clock) throws IOException {
        Files.createDirectories(dir);
        final DirectoryLock dirLock = DirectoryLock.acquire(dir);
        final DropCounter drops = new DropCounter(dir.toString());
        final ObservationSpool spool;
        try {
            spool = new ObservationSpool(dir, limits, clock, dirLock, drops,
                    SegmentLog.open(dir, limits.segmentBytes(), drops));
        } catch (IOException | RuntimeException e) {
            dirLock.close();
            throw e;
        }
        spool.lock.lock();
        try {
            spool.dropExpired();
        } finally {
            spool.lock.unlock();
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
            dropExpired();
            long overSize = 0;
            while (log.pendingBytes() + bytes > limits.maxBytes() && log.dropHead()) {
                overSize++;
            }
            if (overSize > 0) {
                log.settle();
                drops.dropped(overSize, "the spool size limit of " + limits.maxBytes() + " bytes");
            }
            log.append(timestamp, payload);
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
            return log.read(maxRecords, maxBytes);
        } finally {
            lock.unlock();
        }
    }

    /** Marks everything before {@code next} delivered (the end of the last acknowledged record). */
    public void commit(SpoolPosition next) {
        lock.lock();
        try {
            if (!closed) {
                log.advanceTo(next);
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
            if (log.pendingBytes() == 0 && !closed) {
                appended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            return log.pendingBytes() > 0;
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
            return log.pendingBytes();
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
            log.close();
            dirLock.close();
        } finally {
            lock.unlock();
        }
    }

    private void dropExpired() throws IOException {
        final long cutoff = clock.instant().minus(limits.maxAge()).toEpochMilli();
        long count = 0;
        for (Optional<SegmentFormat.Found> head = log.head(); head.isPresent() && head.get().timestampMillis() < cutoff;
                head = log.head()) {
            log.dropHead();
            count++;
        }
        log.settle();
        drops.dropped(count, "the spool age limit of " + limits.maxAge());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("spool " + dir + " is closed");
        }
    }
}
