package io.xenpulse.probe.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: a fake proc tree and run directory, with processes and pid files written as a node has them. */
final class FakeNode {

    final Path proc;
    final Path run;

    FakeNode(Path dir) {
        try {
            this.proc = Files.createDirectories(dir.resolve("proc"));
            this.run = Files.createDirectories(dir.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A live process: {@code comm} as the kernel names it, {@code argv} as its command line. */
    FakeNode process(long pid, String comm, String... argv) {
        return process(pid, comm, 'S', argv);
    }

    FakeNode process(long pid, String comm, char state, String... argv) {
        final Path dir = proc.resolve(Long.toString(pid));
        write(dir.resolve("comm"), comm + "\n");
        write(dir.resolve("cmdline"), argv.length == 0 ? "" : String.join("\0", argv) + "\0");
        write(dir.resolve("stat"), pid + " (" + comm + ") " + state + " 1 " + pid + " " + pid + " 0 -1\n");
        return this;
    }

    FakeNode pidFile(String relative, String content) {
        write(run.resolve(relative), content);
        return this;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
