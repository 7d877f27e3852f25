package io.xenpulse.probe.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of a spool segment: an 8-byte magic ({@code XPSPOOL1}), then records, each framed as
 * <pre>
 *   int  payload length
 *   int  CRC32C over the timestamp and the payload
 *   long timestamp (epoch millis; the age limit counts from it)
 *   byte[length] payload
 * </pre>
 * The CRC lets a reader tell a record from a torn write (the process or the node died mid-append) or from
 * damaged data, so that it can skip them instead of delivering garbage.
 */
final class SegmentFormat {

    static final byte[] MAGIC = "XPSPOOL1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length;
    static final int RECORD_OVERHEAD = 16;
    /** Far above any observation (thousands of domains), far below Kafka's default 1 MiB request size. */
    static final int MAX_PAYLOAD = 512 * 1024;

    private SegmentFormat() {
    }

    static ByteBuffer frame(long timestampMillis, byte[] payload) {
        final ByteBuffer buffer = ByteBuffer.allocate(RECORD_OVERHEAD + payload.length);
        buffer.putInt(payload.length).putInt(crc(timestampMillis, payload)).putLong(timestampMillis).put(payload);
        return buffer.flip();
    }

    static int crc(long timestampMillis, byte[] payload) {
        final CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(timestampMillis).flip());
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** What a reader found at an offset of a segment. */
    sealed interface Read permits Found, End, Corrupt {
    }

    /** A whole record; {@code payload} is null when only the header was read. */
    record Found(long timestampMillis, int length, byte[] payload) implements Read {
        long spooledBytes() {
            return RECORD_OVERHEAD + (long) length;
        }
    }

    /** Nothing more in this segment. */
    record End() implements Read {
    }

    /** Bytes that are not a record: a torn write or damage; the rest of the segment cannot be trusted. */
    record Corrupt(String reason) implements Read {
    }
}
