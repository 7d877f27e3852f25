package io.xenpulse.probe.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How to recognise one control daemon: where its pid file may be (relative to the run directory, first
 * existing wins) and which process names are it. The well-known daemons follow the real installs: xend's
 * {@code /var/run/xend.pid} (xend's SrvDaemon), xenstored's and xenconsoled's {@code /var/run/xen/*.pid}
 * since Xen 4.x xencommons ({@code /var/run/*.pid} before), libvirtd's {@code /var/run/libvirtd.pid}.
 *
 * @param daemon the name reported in {@code DaemonCheck.daemon}
 * @param pidFiles candidate pid files relative to the run directory, in order
 * @param processNames program names that are this daemon (comm, or the program a script interpreter runs)
 */
public record DaemonSpec(String daemon, List<String> pidFiles, Set<String> processNames) {

    public static final DaemonSpec XEND = new DaemonSpec("xend", List.of("xend.pid"), Set.of("xend"));
    public static final DaemonSpec XENCONSOLED = new DaemonSpec("xenconsoled",
            List.of("xen/xenconsoled.pid", "xenconsoled.pid"), Set.of("xenconsoled"));
    /** C xenstored or the OCaml oxenstored, whichever the distribution runs. */
    public static final DaemonSpec XENSTORED = new DaemonSpec("xenstored",
            List.of("xen/xenstored.pid", "xenstored.pid"), Set.of("xenstored", "oxenstored"));
    public static final DaemonSpec LIBVIRTD = new DaemonSpec("libvirtd", List.of("libvirtd.pid"), Set.of("libvirtd"));

    private static final List<DaemonSpec> KNOWN = List.of(XEND, XENCONSOLED, XENSTORED, LIBVIRTD);

    public DaemonSpec {
        pidFiles = List.copyOf(pidFiles);
        processNames = Set.copyOf(processNames);
        if (daemon.isBlank() || processNames.isEmpty()) {
            throw new IllegalArgumentException("a daemon needs a name and at least one process name");
        }
    }

    /** One of the well-known daemons by name (case-insensitive), for configuration. */
    public static Optional<DaemonSpec> named(String name) {
        final String wanted = name.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(spec -> spec.daemon().equals(wanted)).findFirst();
    }

    /**
     * Whether {@code process} is this daemon: its comm, its program, or the script a Python interpreter
     * runs (xend shows as {@code python /usr/sbin/xend start}).
     */
    boolean matches(RunningProcess process) {
        if (processNames.contains(process.comm())) {
            return true;
        }
        final List<String> argv = process.argv();
        if (argv.isEmpty()) {
            return false;
        }
        final String program = baseName(argv.get(0));
        if (processNames.contains(program)) {
            return true;
        }
        return program.startsWith("python") && argv.size() > 1 && processNames.contains(baseName(argv.get(1)));
    }

    /**
     * Whether a process named {@code comm} may be this daemon, so its command line is worth reading: its
     * own name, a Python interpreter (xend), or a name the kernel cut at 15 characters.
     */
    boolean mayBe(String comm) {
        return processNames.contains(comm) || comm.startsWith("python") || comm.length() >= 15
                || processNames.stream().anyMatch(name -> name.startsWith(comm));
    }

    private static String baseName(String path) {
        final Path name = Path.of(path.isEmpty() ? "." : path).getFileName();
        return name == null ? "" : name.toString();
    }
}
