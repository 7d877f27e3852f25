package io.xenpulse.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hypervisor's domain table of one node: every domain with its id, plus the two live-migration roles
 * a domain can have. A domain migrating out still runs here; an incoming one is paused, receiving memory,
 * and does not run (and so cannot write to the shared disks) until the migration hands over.
 * Not thread-safe: used under the cluster's lock.
 */
final class HostedDomains {

    /** One row of {@code xm list}/{@code xl list} as the simulator knows it. */
    record Row(String name, int domainId, boolean incoming, boolean migrating) {
    }

    private final Map<String, Integer> ids = new TreeMap<>();
    private final Set<String> migratingOut = new TreeSet<>();
    private final Set<String> incoming = new TreeSet<>();
    private int nextDomainId = 1;

    /** Creates a running domain; returns its id. */
    int create(String vm) {
        final int id = nextDomainId++;
        ids.put(vm, id);
        return id;
    }

    /** Creates the paused receiving end of a live migration. */
    void createIncoming(String vm) {
        create(vm);
        incoming.add(vm);
    }

    /** Destroys a domain, whatever its role; returns its id, or null when there was none. */
    Integer destroy(String vm) {
        migratingOut.remove(vm);
        incoming.remove(vm);
        return ids.remove(vm);
    }

    void markMigratingOut(String vm) {
        migratingOut.add(vm);
    }

    /** The migration ended without a handover: the domain here keeps running as before. */
    void clearMigratingOut(String vm) {
        migratingOut.remove(vm);
    }

    /** The handover of a live migration: the incoming domain is unpaused and runs. */
    void unpause(String vm) {
        incoming.remove(vm);
    }

    boolean exists(String vm) {
        return ids.containsKey(vm);
    }

    Integer idOf(String vm) {
        return ids.get(vm);
    }

    boolean isMigrating(String vm) {
        return migratingOut.contains(vm) || incoming.contains(vm);
    }

    /** The domains that run here (an incoming, paused domain does not). */
    Set<String> running() {
        final Set<String> running = new TreeSet<>(ids.keySet());
        running.removeAll(incoming);
        return running;
    }

    List<Row> rows() {
        final List<Row> rows = new ArrayList<>();
        ids.forEach((name, id) -> rows.add(new Row(name, id, incoming.contains(name),
                migratingOut.contains(name) || incoming.contains(name))));
        return rows;
    }

    /** Everything dies with the node. */
    Set<String> clear() {
        final Set<String> all = new TreeSet<>(ids.keySet());
        ids.clear();
        migratingOut.clear();
        incoming.clear();
        return all;
    }
}
