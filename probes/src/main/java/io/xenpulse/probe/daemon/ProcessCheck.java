package io.xenpulse.probe.daemon;

import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.ProcessState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is a daemon's process there? Depends on the kernel only (no daemon is asked), so it stays true while
 * the daemon hangs. The pid file is read first; its pid counts only when that process is live and is the
 * daemon (a stale file or a reused pid does not). Without a confirming pid file the process table is
 * searched, since daemons run under systemd often write none. UNKNOWN only when the proc tree cannot be
 * read at all, or the check itself broke: it never throws, so every probe that uses it keeps the
 * never-throw contract of {@code DaemonProbe} without a guard of its own.
 */
public final class ProcessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCheck.class);

    private final DaemonSpec spec;
    private final Path runDir;
    private final ProcessTable table;
    /**
     * The pid the process table gave last time, looked at first: a daemon without a pid file (systemd
     * units often write none) then costs the one-second watch two small reads, not a pass over the table.
     */
    private volatile long lastFoundPid;

    /**
     * @param runDir where the pid files are ({@code /var/run} on a node)
     * @param procRoot the proc tree ({@code /proc} on a node)
     */
    public ProcessCheck(DaemonSpec spec, Path runDir, Path procRoot) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.table = new ProcessTable(Objects.requireNonNull(procRoot, "procRoot"));
    }

    public DaemonSpec spec() {
        return spec;
    }

    /** Never throws: a bug or an unexpected file system error is an UNKNOWN finding, logged. */
    public ProcessFinding check() {
        try {
            return checkOnce();
        } catch (RuntimeException e) {
            LOG.error("{} process check failed inside the probe", spec.daemon(), e);
            return new ProcessFinding(ProcessState.UNKNOWN, "probe error: " + e.getClass().getSimpleName());
        }
    }

    private ProcessFinding checkOnce() {
        if (!table.readable()) {
            return new ProcessFinding(ProcessState.UNKNOWN, "cannot read the process table at " + table.root());
        }
        final PidFileReading pidFile = readPidFile();
        if (pidFile.confirmed().isPresent()) {
            return present(pidFile.confirmed().get(), "from " + pidFile.file());
        }
        final Optional<RunningProcess> seenBefore = stillRunning(lastFoundPid);
        if (seenBefore.isPresent()) {
            return present(seenBefore.get(), "found in the process table; " + pidFile.note());
        }
        try {
            final Optional<RunningProcess> found = table.find(spec::mayBe, spec::matches);
            lastFoundPid = found.map(RunningProcess::pid).orElse(0L);
            if (found.isPresent()) {
                return present(found.get(), "found in the process table; " + pidFile.note());
            }
        } catch (IOException e) {
            return new ProcessFinding(ProcessState.UNKNOWN,
                    ToolText.detail(pidFile.note() + "; cannot list " + table.root() + ": " + e.getMessage()));
        }
        return new ProcessFinding(ProcessState.ABSENT, ToolText.detail(pidFile.note() + "; no " + spec.daemon()
                + " process running"));
    }

    /** The process {@code pid} when it is still live and still this daemon (a reused pid is not). */
    private Optional<RunningProcess> stillRunning(long pid) {
        return pid > 0 ? table.process(pid).filter(spec::matches) : Optional.empty();
    }

    private ProcessFinding present(RunningProcess process, String how) {
        return new ProcessFinding(ProcessState.PRESENT, ToolText.detail("pid " + process.pid() + " " + how));
    }

    /** The first pid file that exists, and whether it names a live process of this daemon. */
    private PidFileReading readPidFile() {
        for (String name : spec.pidFiles()) {
            final Path file = runDir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            final Optional<Long> pid = pidIn(file);
            if (pid.isEmpty()) {
                return new PidFileReading(file, Optional.empty(), "pid file " + file + " holds no pid");
            }
            final Optional<RunningProcess> process = table.process(pid.get());
            if (process.isEmpty()) {
                return new PidFileReading(file, Optional.empty(),
                        "pid file " + file + " names pid " + pid.get() + ", which is not running");
            }
            if (!spec.matches(process.get())) {
                return new PidFileReading(file, Optional.empty(), "pid file " + file + " names pid " + pid.get()
                        + ", which is '" + process.get().describe() + "'");
            }
            return new PidFileReading(file, process, "");
        }
        return new PidFileReading(runDir, Optional.empty(), "no pid file in " + runDir);
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            final String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            final long pid = Long.parseLong(text);
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record PidFileReading(Path file, Optional<RunningProcess> confirmed, String note) {
    }
}
