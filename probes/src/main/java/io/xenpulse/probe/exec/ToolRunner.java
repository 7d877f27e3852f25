package io.xenpulse.probe.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs external tools the only way the probe may: an argument array (never a shell, so no domain name or
 * tool output can become a command), a timeout per call, bounded output (a tool printing gigabytes cannot
 * exhaust a 64 MB probe), and on timeout the whole process tree killed (a hung {@code xm} often waits on a
 * child). Standard input is empty and the locale is C, so tools print the formats the parsers know; a
 * caller that needs another environment for one tool says so per call.
 */
public final class ToolRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    private static final File NO_INPUT = new File("/dev/null");
    private static final Duration KILL_WAIT = Duration.ofSeconds(1);

    private final List<Path> searchPath;
    private final int maxOutputBytes;

    /**
     * @param searchPath directories searched for tools, in order (the probe's {@code PATH})
     * @param maxOutputBytes what is kept of each of stdout and stderr; the rest is read and discarded
     */
    public ToolRunner(List<Path> searchPath, int maxOutputBytes) {
        this.searchPath = List.copyOf(searchPath);
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive");
        }
        this.maxOutputBytes = maxOutputBytes;
    }

    /** A runner over the {@code PATH} of this process, keeping up to 1 MiB of each stream. */
    public static ToolRunner fromEnvironment() {
        return new ToolRunner(pathOf(System.getenv("PATH")), 1 << 20);
    }

    public static List<Path> pathOf(String path) {
        if (path == null || path.isBlank()) {
            return List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));
        }
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** Where {@code tool} would be found, if anywhere: used for auto-detection of the sources. */
    public Optional<Path> locate(String tool) {
        if (tool.contains("/")) {
            final Path direct = Path.of(tool);
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        return searchPath.stream().map(dir -> dir.resolve(tool)).filter(Files::isExecutable).findFirst();
    }

    /** Runs {@code command} in the runner's own environment: the probe's, with LC_ALL=C and the search path. */
    public ToolResult run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of());
    }

    /**
     * Runs {@code command} with {@code extraEnvironment} applied over the runner's own environment.
     *
     * @param extraEnvironment variables set for this call only, after LC_ALL and PATH, so they override
     *                         them; a null value unsets that variable (for example LANGUAGE)
     */
    public ToolResult run(List<String> command, Duration timeout, Map<String, String> extraEnvironment) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        final Optional<Path> executable = locate(command.get(0));
        if (executable.isEmpty()) {
            return new ToolResult.NotInstalled(command.get(0));
        }
        final long start = System.nanoTime();
        final Process process;
        try {
            final ProcessBuilder builder = new ProcessBuilder(withExecutable(command, executable.get()));
            builder.redirectInput(NO_INPUT);
            setEnvironment(builder.environment(), extraEnvironment);
            process = builder.start();
        } catch (IOException e) {
            return new ToolResult.FailedToStart(e.getMessage(), elapsedSince(start));
        }
        final BoundedCapture out = BoundedCapture.start(process.getInputStream(), maxOutputBytes, command.get(0));
        final BoundedCapture err = BoundedCapture.start(process.getErrorStream(), maxOutputBytes, command.get(0));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new ToolResult.TimedOut(elapsedSince(start));
            }
            // A grandchild may still hold the pipes open after the tool exited: wait no longer than the timeout.
            final long left = Math.max(1, timeout.minus(elapsedSince(start)).toMillis());
            if (!out.awaitEnd(left) || !err.awaitEnd(left)) {
                killTree(process);
            }
            return new ToolResult.Completed(process.exitValue(), out.text(), err.text(),
                    out.truncated() || err.truncated(), elapsedSince(start));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return new ToolResult.TimedOut(elapsedSince(start));
        }
    }

    /** The runner's own variables first, so that a caller's extra ones override them. */
    private void setEnvironment(Map<String, String> env, Map<String, String> extra) {
        env.put("LC_ALL", "C");
        env.put("PATH", joinedSearchPath());
        extra.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
    }

    private static List<String> withExecutable(List<String> command, Path executable) {
        final List<String> argv = new ArrayList<>(command);
        argv.set(0, executable.toString());
        return argv;
    }

    private String joinedSearchPath() {
        return String.join(File.pathSeparator, searchPath.stream().map(Path::toString).toList());
    }

    /**
     * Children first, so none is re-parented and left running; then a short, shared wait for them to be
     * gone (a killed grandchild re-parented to init may linger as a zombie until init reaps it).
     */
    private static void killTree(Process process) {
        final List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        final long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("pid {} of a killed tool not reaped yet", handle.pid());
            }
        }
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
