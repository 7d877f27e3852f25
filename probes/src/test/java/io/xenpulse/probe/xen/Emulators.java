package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Test fixture: the xm and xl emulators ({@code src/test/resources/emulators/bin}) copied into a test's own
 * directory with their exec bit set (resource copying loses it), a scenario chosen by writing the
 * {@code scenario} file next to them, and a real {@link ToolRunner} whose search path finds them first.
 * Each test gets its own copy, so scenarios never leak between tests.
 */
public final class Emulators {

    /** What the probe keeps of a tool's output in production: 1 MiB. */
    public static final int MAX_OUTPUT = 1 << 20;
    private static final List<String> FILES = List.of("xm", "xl", "_xen_common.sh");
    private static final List<String> XENSTORE_FILES = List.of("xenstore-list", "xenstore-read", "_xenstore_common.sh");
    private static final List<Path> SYSTEM_PATH = List.of(Path.of("/usr/bin"), Path.of("/bin"));

    private final Path bin;

    private Emulators(Path bin) {
        this.bin = bin;
    }

    /** Installs the xm and xl emulators under {@code dir}/bin with scenario {@code healthy}. */
    public static Emulators installIn(Path dir) {
        return new Emulators(installResources(dir, "/emulators/bin/", FILES)).scenario("healthy");
    }

    /** Installs every Xen tool emulator (xm, xl, xenstore-list, xenstore-read) under {@code dir}/bin. */
    public static Emulators installAllIn(Path dir) {
        installResources(dir, "/emulators-xenstore/bin/", XENSTORE_FILES);
        return installIn(dir);
    }

    /**
     * Copies emulator scripts from the test resources into {@code dir}/bin and makes them executable
     * (resource copying loses the exec bit); returns that bin directory.
     */
    public static Path installResources(Path dir, String resourceDir, List<String> files) {
        try {
            final Path bin = Files.createDirectories(dir.resolve("bin"));
            for (String file : files) {
                try (InputStream in = Emulators.class.getResourceAsStream(resourceDir + file)) {
                    if (in == null) {
                        throw new IllegalStateException("emulator resource missing: " + resourceDir + file);
                    }
                    Files.copy(in, bin.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(bin.resolve(file), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Emulators scenario(String name) {
        try {
            Files.writeString(bin.resolve("scenario"), name + "\n", StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runner that finds the emulators before any real tool, keeping {@link #MAX_OUTPUT} per stream. */
    public ToolRunner runner() {
        return new ToolRunner(List.of(bin, SYSTEM_PATH.get(0), SYSTEM_PATH.get(1)), MAX_OUTPUT);
    }

    /** The directory holding the emulators, to put first on a tool search path. */
    public Path bin() {
        return bin;
    }

    /** The pid of the child a hung emulator started, once it has written it. */
    public Path hungChildPidFile(String tool) {
        return bin.resolve(tool + "-hung-child.pid");
    }
}
