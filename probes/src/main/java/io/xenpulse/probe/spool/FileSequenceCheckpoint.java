package io.xenpulse.probe.spool;

import io.xenpulse.probe.SequenceCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SequenceCheckpoint} in a small text file (boot id, then the last sequence used), replaced
 * atomically on every observation. It is not forced to disk: it only has to survive a restart of the probe
 * process, and a power loss changes the boot id, which starts the sequence again anyway.
 *
 * <p>A checkpoint that cannot be written is logged, never thrown: the probe loop must go on.
 */
public final class FileSequenceCheckpoint implements SequenceCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(FileSequenceCheckpoint.class);

    private final Path file;
    private String bootId = "";
    private long last = -1;
    private boolean writeFailed;

    /** Reads the checkpoint in {@code file}, if there is one. */
    public FileSequenceCheckpoint(Path file) {
        this.file = file;
        try {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() != 2) {
                throw new IOException("expected 2 lines, found " + lines.size());
            }
            final long sequence = Long.parseLong(lines.get(1).trim());
            bootId = lines.get(0);
            last = sequence;
        } catch (NoSuchFileException e) {
            LOG.debug("no sequence checkpoint in {} yet", file);
        } catch (IOException | NumberFormatException e) {
            LOG.error("sequence checkpoint {} is unreadable ({}): the sequence of this boot starts again at 0",
                    file, e.toString());
        }
    }

    @Override
    public synchronized long lastUsed(String boot) {
        return boot.equals(bootId) ? last : -1;
    }

    @Override
    public synchronized void record(String boot, long sequence) {
        bootId = boot;
        last = sequence;
        try {
            AtomicFiles.replace(file, (boot + "\n" + sequence + "\n").getBytes(StandardCharsets.UTF_8), false);
            if (writeFailed) {
                LOG.info("sequence checkpoint {} written again", file);
                writeFailed = false;
            }
        } catch (IOException e) {
            if (!writeFailed) {
                LOG.warn("cannot write sequence checkpoint {} ({}): a restarted probe may reuse sequence numbers",
                        file, e.toString());
                writeFailed = true;
            }
        }
    }
}
