package io.xenpulse.probe.signals;

import java.util.HashSet;
import java.util.Set;

/** Which checks are still running, so a slow one is never started twice at once. */
final class InFlight {

    private final Set<String> running = new HashSet<>();

    synchronized boolean claim(String key) {
        return running.add(key);
    }

    synchronized void release(String key) {
        running.remove(key);
    }
}
