package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a spool directory one probe's own: two probes appending to and deleting the same segments would
 * lose and duplicate each other's observations. Held from {@link #acquire} to {@link #close()}, within this
 * JVM and across processes.
 */
final class DirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another probe holds the directory */
    static DirectoryLock acquire(Path dir) throws IOException {
        final FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by another probe in this JVM: reported below like one in another process
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("spool directory " + dir + " is in use by another probe;"
                    + " give every probe its own XENPULSE_SPOOL_DIR");
        }
        return new DirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
