package io.xenpulse.probe.signals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's boot id from {@code /proc/sys/kernel/random/boot_id}: a new value after every boot, which is
 * how the correlator knows a fenced node came back (and that the old boot's observations are stale).
 */
public final class BootId {

    public static final Path LINUX = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path file;
    private volatile String cached;

    public BootId(Path file) {
        this.file = file;
    }

    /** The boot id; read once, since it cannot change while this process lives. */
    public String read() {
        if (cached == null) {
            try {
                cached = Files.readString(file, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the boot id from " + file + ": " + e.getMessage(), e);
            }
            if (cached.isEmpty()) {
                throw new IllegalStateException("empty boot id in " + file);
            }
        }
        return cached;
    }
}
