package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file of the spool ({@link SegmentFormat}): appends framed records (each forced to disk before
 * {@link #append} returns) and reads them back by offset. Not thread-safe: {@link ObservationSpool} calls it
 * under its lock. The channel is opened on first use, so only the segments being read and written hold one.
 */
final class Segment implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    private final long id;
    private final Path path;
    private long size;
    private FileChannel channel;

    private Segment(long id, Path path, long size) {
        this.id = id;
        this.path = path;
        this.size = size;
    }

    static Segment create(Path dir, long id) throws IOException {
        final Segment segment = new Segment(id, pathOf(dir, id), 0);
        segment.channel = FileChannel.open(segment.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        segment.writeFully(ByteBuffer.wrap(SegmentFormat.MAGIC), 0);
        segment.channel.force(true);
        segment.size = SegmentFormat.HEADER_BYTES;
        return segment;
    }

    static Segment existing(Path dir, long id) throws IOException {
        final Path path = pathOf(dir, id);
        return new Segment(id, path, Files.size(path));
    }

    static Path pathOf(Path dir, long id) {
        return dir.resolve(String.format("%020d.seg", id));
    }

    /** The id in a segment file's name, or empty for any other file. */
    static OptionalLong idOf(Path file) {
        final Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    long id() {
        return id;
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    void append(long timestampMillis, byte[] payload) throws IOException {
        final ByteBuffer framed = SegmentFormat.frame(timestampMillis, payload);
        final int length = framed.remaining();
        writeFully(framed, size);
        channel().force(false);
        size += length;
    }

    /** Reads the record at {@code offset}, with its payload (checked against its CRC) or only its header. */
    SegmentFormat.Read read(long offset, boolean withPayload) throws IOException {
        if (offset >= size) {
            return new SegmentFormat.End();
        }
        if (size - offset < SegmentFormat.RECORD_OVERHEAD) {
            return new SegmentFormat.Corrupt("a record header cut short at " + offset);
        }
        final ByteBuffer header = readFully(offset, SegmentFormat.RECORD_OVERHEAD);
        final int length = header.getInt();
        final int crc = header.getInt();
        final long timestamp = header.getLong();
        if (length < 0 || length > SegmentFormat.MAX_PAYLOAD
                || offset + SegmentFormat.RECORD_OVERHEAD + length > size) {
            return new SegmentFormat.Corrupt("an impossible record length " + length + " at " + offset);
        }
        if (!withPayload) {
            return new SegmentFormat.Found(timestamp, length, null);
        }
        final byte[] payload = readFully(offset + SegmentFormat.RECORD_OVERHEAD, length).array();
        if (SegmentFormat.crc(timestamp, payload) != crc) {
            return new SegmentFormat.Corrupt("a CRC mismatch at " + offset);
        }
        return new SegmentFormat.Found(timestamp, length, payload);
    }

    boolean hasMagic() throws IOException {
        return size >= SegmentFormat.HEADER_BYTES
                && Arrays.equals(readFully(0, SegmentFormat.HEADER_BYTES).array(), SegmentFormat.MAGIC);
    }

    /** Where the last whole, intact record ends: everything after it is a torn or damaged tail. */
    long validEnd() throws IOException {
        long offset = SegmentFormat.HEADER_BYTES;
        while (read(offset, true) instanceof SegmentFormat.Found found) {
            offset += found.spooledBytes();
        }
        return offset;
    }

    void truncate(long newSize) throws IOException {
        channel().truncate(newSize);
        channel().force(true);
        size = newSize;
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel().write(buffer, at);
        }
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            final int read = channel().read(buffer, at);
            if (read < 0) {
                throw new IOException("spool segment " + path + " ended early at " + at);
            }
            at += read;
        }
        return buffer.flip();
    }
}
