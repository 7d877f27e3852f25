package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.xen.Emulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test fixture: the xenstore-list and xenstore-read emulators ({@code src/test/resources/emulators-xenstore})
 * copied into a test's own directory with their exec bit set (resource copying loses it), a scenario chosen by
 * writing the {@code scenario} file next to them, and a real {@link ToolRunner} that finds them first.
 */
final class XenstoreEmulators {

    /** What the probe keeps of a tool's output in production: 1 MiB. */
    static final int MAX_OUTPUT = 1 << 20;
    private static final List<String> FILES = List.of("xenstore-list", "xenstore-read", "_xenstore_common.sh");

    private final Path bin;

    private XenstoreEmulators(Path bin) {
        this.bin = bin;
    }

    static XenstoreEmulators installIn(Path dir) {
        return new XenstoreEmulators(Emulators.installResources(dir, "/emulators-xenstore/bin/", FILES))
                .scenario("healthy");
    }

    XenstoreEmulators scenario(String name) {
        try {
            Files.writeString(bin.resolve("scenario"), name + "\n", StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ToolRunner runner() {
        return new ToolRunner(List.of(bin, Path.of("/usr/bin"), Path.of("/bin")), MAX_OUTPUT);
    }

    Path hungChildPidFile(String tool) {
        return bin.resolve(tool + "-hung-child.pid");
    }

    /** The number of paths each xenstore-read run was given, in order. */
    List<Integer> readCalls() {
        return runs("xenstore-read");
    }

    List<Integer> runs(String tool) {
        final Path log = bin.resolve("runs.log");
        try {
            return !Files.exists(log) ? List.of() : Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith(tool + " "))
                    .map(line -> Integer.valueOf(line.substring(tool.length() + 1).strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
