package io.xenpulse.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Ends a child process together with every process it started: politely first, then forcibly. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    static void destroy(ProcessHandle root, Duration grace) {
        final List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root))
                .collect(Collectors.toList());
        tree.forEach(ProcessHandle::destroy);
        final long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            if (!awaitExit(handle, deadline - System.nanoTime())) {
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
