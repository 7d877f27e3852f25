package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that remembers how far the spool has been delivered: a position, written atomically and forced to
 * disk. An unreadable cursor is reported and treated as "nothing delivered": delivering again is better
 * than losing observations (the correlator ignores a sequence it has already seen).
 */
final class SpoolCursor {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolCursor.class);
    private static final int MAGIC = 0x58504331; // "XPC1"
    private static final int BYTES = Integer.BYTES + 2 * Long.BYTES + Integer.BYTES;

    private final Path file;

    SpoolCursor(Path file) {
        this.file = file;
    }

    Optional<SpoolPosition> read() throws IOException {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != BYTES || buffer.getInt() != MAGIC) {
            LOG.warn("spool cursor {} is damaged: delivering the spool again from its oldest record", file);
            return Optional.empty();
        }
        final long segment = buffer.getLong();
        final long offset = buffer.getLong();
        if (buffer.getInt() != crc(bytes) || segment < 0 || offset < 0) {
            LOG.warn("spool cursor {} is damaged: delivering the spool again from its oldest record", file);
            return Optional.empty();
        }
        return Optional.of(new SpoolPosition(segment, offset));
    }

    void write(SpoolPosition position) throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putInt(MAGIC).putLong(position.segment()).putLong(position.offset());
        buffer.putInt(crc(buffer.array()));
        AtomicFiles.replace(file, buffer.array(), true);
    }

    private static int crc(byte[] bytes) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, BYTES - Integer.BYTES);
        return (int) crc.getValue();
    }
}
