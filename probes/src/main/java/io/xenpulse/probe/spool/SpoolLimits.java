package io.xenpulse.probe.spool;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the spool keeps while it cannot deliver: at most {@code maxBytes} of undelivered records and none
 * older than {@code maxAge}; beyond either limit the oldest records are dropped (and counted). Segment files
 * roll at {@code segmentBytes}, so the disk holds at most {@code maxBytes} plus one segment.
 */
public record SpoolLimits(long maxBytes, Duration maxAge, long segmentBytes) {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    private static final long MIN_SEGMENT = 64L * 1024;
    private static final long MAX_SEGMENT = 4L * 1024 * 1024;

    public SpoolLimits {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxBytes <= SegmentFormat.RECORD_OVERHEAD) {
            throw new IllegalArgumentException("the spool size limit is too small to hold a record: " + maxBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the spool age limit must be positive: " + maxAge);
        }
        if (segmentBytes <= SegmentFormat.HEADER_BYTES + SegmentFormat.RECORD_OVERHEAD) {
            throw new IllegalArgumentException("spool segments are too small: " + segmentBytes);
        }
    }

    /** Limits with segments of a sixteenth of the size limit, between 64 KiB and 4 MiB. */
    public static SpoolLimits of(long maxBytes, Duration maxAge) {
        return new SpoolLimits(maxBytes, maxAge, Math.max(MIN_SEGMENT, Math.min(MAX_SEGMENT, maxBytes / 16)));
    }

    /** The defaults: 256 MiB, 24 hours. */
    public static SpoolLimits defaults() {
        return of(DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE);
    }
}
