package io.xenpulse.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test helper: which non-daemon threads (the ones that keep a JVM alive) appeared since a baseline. */
final class Threads {

    private Threads() {
    }

    static Set<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.isDaemon() && thread.isAlive())
                .collect(Collectors.toSet());
    }

    /** Names of non-daemon threads started since {@code baseline} still alive after up to {@code grace}. */
    static List<String> leakedSince(Set<Thread> baseline, Duration grace) throws InterruptedException {
        final long deadline = System.nanoTime() + grace.toNanos();
        List<String> leaked;
        do {
            leaked = nonDaemon().stream().filter(thread -> !baseline.contains(thread))
                    .map(Thread::getName).sorted().toList();
            if (leaked.isEmpty()) {
                return leaked;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return leaked;
    }
}
