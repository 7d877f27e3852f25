package io.xenpulse.probe.bench;

import io.xenpulse.probe.daemon.DaemonSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for a dom0's control daemons, so the benchmark measures the steady state of a healthy node
 * (daemons up, pid files in place) rather than a node whose daemons are all missing: copies of
 * {@code sleep} named xend, xenconsoled, xenstored and libvirtd (the kernel then gives them those names),
 * with pid files where the real daemons write theirs.
 */
final class RunningDaemons implements AutoCloseable {

    private static final List<DaemonSpec> DAEMONS =
            List.of(DaemonSpec.XEND, DaemonSpec.XENCONSOLED, DaemonSpec.XENSTORED, DaemonSpec.LIBVIRTD);

    private final Path runDir;
    private final List<Process> processes = new ArrayList<>();

    private RunningDaemons(Path runDir) {
        this.runDir = runDir;
    }

    static RunningDaemons start(Path work) throws IOException {
        final Path programs = Files.createDirectories(work.resolve("daemons"));
        final RunningDaemons daemons = new RunningDaemons(Files.createDirectories(work.resolve("run")));
        for (DaemonSpec daemon : DAEMONS) {
            final Path program = Files.copy(Path.of("/bin/sleep"), programs.resolve(daemon.daemon()));
            final Process process = new ProcessBuilder(program.toString(), "infinity").start();
            daemons.processes.add(process);
            // the first place the probe looks for this daemon's pid file
            final Path pidFile = daemons.runDir.resolve(daemon.pidFiles().get(0));
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, process.pid() + "\n");
        }
        return daemons;
    }

    /** For XENPULSE_RUN_DIR. */
    Path runDir() {
        return runDir;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
    }
}
