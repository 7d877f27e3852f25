package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small file all at once (write a temporary file, then rename it over the old one), so a crash
 * leaves either the old content or the new, never half of each.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * @param durable also force the content and the rename to disk, so it survives a power loss; without it
     *     it survives a crash of the process only
     */
    static void replace(Path target, byte[] content, boolean durable) throws IOException {
        final Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            final ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (durable) {
            forceDirectory(target.toAbsolutePath().getParent());
        }
    }

    /** Makes a rename in {@code dir} durable (Linux allows forcing a directory opened for reading). */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on every platform; the rename is then as durable as the file system makes it.
        }
    }
}
