package io.xenpulse.actuator.admission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action per node (and per VM) at a time: commands wait here, in arrival order, until every lock
 * they need is free. A waiting command also holds back later commands that need one of its locks, so
 * each node sees its commands in the order the correlator issued them; commands for other nodes are
 * never held up. Waiting is bounded by each command's expiry, checked again when it starts.
 *
 * @param <T> the caller's handle for a command
 */
public final class ActionQueue<T> {

    private final Map<T, Set<Lock>> waiting = new LinkedHashMap<>();
    private final Map<T, Set<Lock>> running = new HashMap<>();
    private final Set<Lock> held = new HashSet<>();

    public void enqueue(T token, Set<Lock> locks) {
        if (waiting.containsKey(token) || running.containsKey(token)) {
            throw new IllegalArgumentException("already queued: " + token);
        }
        waiting.put(token, Set.copyOf(locks));
    }

    /** Takes every waiting command that can run now, in arrival order, and gives it its locks. */
    public List<T> takeStartable() {
        final List<T> startable = new ArrayList<>();
        final Set<Lock> claimed = new HashSet<>(held);
        final var entries = waiting.entrySet().iterator();
        while (entries.hasNext()) {
            final Map.Entry<T, Set<Lock>> entry = entries.next();
            final boolean free = entry.getValue().stream().noneMatch(claimed::contains);
            claimed.addAll(entry.getValue());
            if (free) {
                entries.remove();
                running.put(entry.getKey(), entry.getValue());
                held.addAll(entry.getValue());
                startable.add(entry.getKey());
            }
        }
        return startable;
    }

    /** Frees a running command's locks; a no-op for a command that holds none. */
    public void release(T token) {
        final Set<Lock> locks = running.remove(token);
        if (locks != null) {
            held.removeAll(locks);
        }
    }

    /** Removes a command that has not started; returns whether it was waiting. */
    public boolean withdraw(T token) {
        return waiting.remove(token) != null;
    }

    public boolean isWaiting(T token) {
        return waiting.containsKey(token);
    }

    /** The locks a waiting command is held up by (held by running commands or claimed earlier). */
    public Set<Lock> blockersOf(T token) {
        final Set<Lock> wanted = waiting.getOrDefault(token, Set.of());
        final Set<Lock> blocking = new HashSet<>();
        for (Map.Entry<T, Set<Lock>> entry : waiting.entrySet()) {
            if (entry.getKey().equals(token)) {
                break;
            }
            blocking.addAll(entry.getValue());
        }
        blocking.addAll(held);
        blocking.retainAll(wanted);
        return blocking;
    }

    public int waitingCount() {
        return waiting.size();
    }

    public int runningCount() {
        return running.size();
    }
}
