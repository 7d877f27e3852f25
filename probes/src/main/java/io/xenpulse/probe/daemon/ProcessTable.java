package io.xenpulse.probe.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The live processes under a proc root ({@code /proc} on a node, a directory of fake entries in tests).
 * A process that exits while being read, or is a zombie, is not live: a crashed daemon that its parent
 * has not reaped yet must not count as running.
 */
final class ProcessTable {

    /** More than any real command line needs; a hostile process cannot make the probe read megabytes. */
    private static final int MAX_READ = 64 * 1024;

    private final Path root;

    ProcessTable(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    boolean readable() {
        return Files.isDirectory(root) && Files.isReadable(root);
    }

    Optional<RunningProcess> process(long pid) {
        final Path dir = root.resolve(Long.toString(pid));
        try {
            if (!Files.isDirectory(dir) || zombie(dir)) {
                return Optional.empty();
            }
            final String comm = Files.exists(dir.resolve("comm")) ? read(dir.resolve("comm")).strip() : "";
            return Optional.of(new RunningProcess(pid, comm, argv(read(dir.resolve("cmdline")))));
        } catch (IOException e) {
            // it exited between the listing and the read
            return Optional.empty();
        }
    }

    /** The first live process that satisfies {@code wanted}, in the order the directory lists them. */
    Optional<RunningProcess> find(Predicate<RunningProcess> wanted) throws IOException {
        final DirectoryStream.Filter<Path> pids = entry -> isPid(entry.getFileName().toString());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, pids)) {
            for (Path entry : entries) {
                final Optional<RunningProcess> process = process(Long.parseLong(entry.getFileName().toString()));
                if (process.isPresent() && wanted.test(process.get())) {
                    return process;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean zombie(Path dir) throws IOException {
        final Path stat = dir.resolve("stat");
        if (!Files.exists(stat)) {
            return false;
        }
        // "pid (comm) S ...": comm may itself contain ") ", so the state follows the last ')'
        final String text = read(stat);
        final int close = text.lastIndexOf(')');
        if (close < 0 || close + 2 >= text.length()) {
            return false;
        }
        final char state = text.charAt(close + 2);
        return state == 'Z' || state == 'X' || state == 'x';
    }

    private static List<String> argv(String cmdline) {
        final List<String> args = new ArrayList<>();
        for (String arg : cmdline.split("\0")) {
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        return args;
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.length() <= 10 && name.chars().allMatch(Character::isDigit);
    }
}
