package io.xenpulse.probe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process from /proc: resident memory, and CPU time of the process itself (user and
 * system) and of the children it waited for (the tools it ran), in clock ticks.
 */
record ProcessSample(long nanoTime, long rssKb, long peakRssKb, long userTicks, long systemTicks, long childTicks) {

    long ownTicks() {
        return userTicks + systemTicks;
    }

    static ProcessSample of(long pid) throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line);
            }
        }
        // /proc/<pid>/stat: fields after the ")" closing the command name; utime is field 14 overall.
        final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        final long utime = Long.parseLong(fields[11]);
        final long stime = Long.parseLong(fields[12]);
        final long cutime = Long.parseLong(fields[13]);
        final long cstime = Long.parseLong(fields[14]);
        return new ProcessSample(System.nanoTime(), rss, peak, utime, stime, cutime + cstime);
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
