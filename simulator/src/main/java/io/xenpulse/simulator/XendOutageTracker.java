package io.xenpulse.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps the open and closed xend outages of every node. Not thread-safe: used under the cluster's lock. */
final class XendOutageTracker {

    private final Map<String, Instant> open = new HashMap<>();
    private final List<XendOutage> closed = new ArrayList<>();

    /** Starts an outage on {@code node} unless one is already open. */
    void open(String node, Instant at) {
        open.putIfAbsent(node, at);
    }

    /** Ends the open outage on {@code node}, if any. */
    void close(String node, Instant at) {
        final Instant start = open.remove(node);
        if (start != null) {
            closed.add(new XendOutage(node, start, Optional.of(at)));
        }
    }

    List<XendOutage> all() {
        final List<XendOutage> all = new ArrayList<>(closed);
        open.forEach((node, start) -> all.add(new XendOutage(node, start, Optional.empty())));
        all.sort(Comparator.comparing(XendOutage::start));
        return all;
    }
}
