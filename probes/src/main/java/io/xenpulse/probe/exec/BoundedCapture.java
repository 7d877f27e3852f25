package io.xenpulse.probe.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a child process to its end on its own thread, keeping at most a limit of it.
 * The rest is read and discarded, so the child never blocks on a full pipe and memory stays bounded.
 */
final class BoundedCapture {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private boolean truncated;
    private final Thread reader;

    private BoundedCapture(InputStream in, int limit, String tool) {
        this.limit = limit;
        this.reader = new Thread(() -> drain(in), "tool-output-" + tool);
        reader.setDaemon(true);
    }

    static BoundedCapture start(InputStream in, int limit, String tool) {
        final BoundedCapture capture = new BoundedCapture(in, limit, tool);
        capture.reader.start();
        return capture;
    }

    private void drain(InputStream in) {
        final byte[] chunk = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(chunk)) != -1) {
                keep(chunk, read);
            }
        } catch (IOException e) {
            // the process was killed: what was read so far is all there is
        }
    }

    private synchronized void keep(byte[] chunk, int read) {
        final int take = Math.min(limit - kept.size(), read);
        if (take < read) {
            truncated = true;
        }
        if (take > 0) {
            kept.write(chunk, 0, take);
        }
    }

    /** Returns false when the stream is still open after {@code millis}. */
    boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
        return !reader.isAlive();
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
