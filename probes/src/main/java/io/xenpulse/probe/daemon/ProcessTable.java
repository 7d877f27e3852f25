package io.xenpulse.probe.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live processes under a proc root ({@code /proc} on a node, a directory of fake entries in tests).
 * A process that exits while being read, or is a zombie, is not live: a crashed daemon that its parent
 * has not reaped yet must not count as running.
 */
final class ProcessTable {

    /** More than any real command line needs; a hostile process cannot make the probe read megabytes. */
    private static final int MAX_READ = 64 * 1024;
    /** A stat line is well under this: pid, a 15-character name and about fifty numbers. */
    private static final int STAT_READ = 1024;

    /** How long one scan of the proc tree serves later checks. */
    private static final Duration SCAN_REUSE = Duration.ofMillis(500);
    private static final Map<Path, Scan> RECENT_SCANS = new ConcurrentHashMap<>();

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
        return read(pid, comm -> true);
    }

    /**
     * One live process, reading its command line only when {@code worthReading} accepts its name: a scan
     * of the whole table then costs one small read per process, not three (the probe scans every second).
     */
    private Optional<RunningProcess> read(long pid, Predicate<String> worthReading) {
        final Path dir = root.resolve(Long.toString(pid));
        try {
            final Optional<String> comm = liveComm(dir);
            if (comm.isEmpty() || !worthReading.test(comm.get())) {
                return Optional.empty();
            }
            return Optional.of(new RunningProcess(pid, comm.get(), argv(read(dir.resolve("cmdline")))));
        } catch (IOException e) {
            // it exited between the listing and the read
            return Optional.empty();
        }
    }

    /**
     * The first live process that satisfies {@code wanted}, in the order the directory lists them; only
     * processes whose name {@code candidate} accepts are read in full.
     */
    Optional<RunningProcess> find(Predicate<String> candidate, Predicate<RunningProcess> wanted) throws IOException {
        for (Map.Entry<Long, String> process : names().entrySet()) {
            if (!candidate.test(process.getValue())) {
                continue;
            }
            final Optional<RunningProcess> found = read(process.getKey(), candidate);
            if (found.isPresent() && wanted.test(found.get())) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The names of the live processes, from one scan shared by every check for a moment: the four daemon
     * checks of a cycle (and of each one-second watch) then cost one pass over the proc tree, not four.
     */
    private Map<Long, String> names() throws IOException {
        final long now = System.nanoTime();
        final Scan recent = RECENT_SCANS.get(root);
        if (recent != null && now - recent.takenAtNanos() < SCAN_REUSE.toNanos()) {
            return recent.names();
        }
        final Map<Long, String> names = new LinkedHashMap<>();
        final DirectoryStream.Filter<Path> pids = entry -> isPid(entry.getFileName().toString());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, pids)) {
            for (Path entry : entries) {
                try {
                    liveComm(entry).ifPresent(comm -> names.put(Long.parseLong(entry.getFileName().toString()), comm));
                } catch (IOException e) {
                    // it exited while being read
                }
            }
        }
        RECENT_SCANS.put(root, new Scan(now, names));
        return names;
    }

    private record Scan(long takenAtNanos, Map<Long, String> names) {
    }

    /**
     * The process's name from {@code stat} ("pid (comm) S ..."), or empty when it is gone or a zombie (a
     * crashed daemon its parent has not reaped yet is not running). comm may itself contain ") ", so the
     * state follows the last ')'. Without a stat file (a sparse fake tree) the comm file is used.
     */
    private static Optional<String> liveComm(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        final Path stat = dir.resolve("stat");
        if (!Files.exists(stat)) {
            final Path comm = dir.resolve("comm");
            return Optional.of(Files.exists(comm) ? read(comm).strip() : "");
        }
        final String text = read(stat, STAT_READ);
        final int open = text.indexOf('(');
        final int close = text.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= text.length()) {
            return Optional.of("");
        }
        final char state = text.charAt(close + 2);
        if (state == 'Z' || state == 'X' || state == 'x') {
            return Optional.empty();
        }
        return Optional.of(text.substring(open + 1, close));
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

    /**
     * Reads at most {@code max} bytes into a buffer of that size: the daemon watch reads every process's
     * stat each second, and a general-purpose read would allocate megabytes a second for it.
     */
    private static String read(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            final byte[] buffer = new byte[max];
            int length = 0;
            int read;
            while (length < max && (read = in.read(buffer, length, max - length)) > 0) {
                length += read;
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.length() <= 10 && name.chars().allMatch(Character::isDigit);
    }
}
