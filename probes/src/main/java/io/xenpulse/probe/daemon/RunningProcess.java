package io.xenpulse.probe.daemon;

import java.util.List;

/**
 * One live process as the proc tree shows it.
 *
 * @param comm the kernel's short name ({@code /proc/PID/comm}, at most 15 characters)
 * @param argv the command line ({@code /proc/PID/cmdline}), empty for kernel threads
 */
record RunningProcess(long pid, String comm, List<String> argv) {

    RunningProcess {
        argv = List.copyOf(argv);
    }

    String describe() {
        return argv.isEmpty() ? comm : String.join(" ", argv);
    }
}
