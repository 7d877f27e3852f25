package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import java.util.List;

/** Test helpers to pick parts out of a node's signals. */
final class Signals {

    private Signals() {
    }

    static NodeSignals of(SimulatedNode node) {
        return node.readSignals().orElseThrow(() -> new AssertionError(node.name() + " answered nothing"));
    }

    static DaemonCheck daemon(NodeSignals signals, String daemon) {
        return signals.daemons().stream().filter(d -> d.getDaemon().equals(daemon)).findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + daemon));
    }

    static ListingResult listing(NodeSignals signals, ListingSource source) {
        return signals.listings().stream().filter(l -> l.getSource() == source).findFirst()
                .orElseThrow(() -> new AssertionError("no " + source + " listing"));
    }

    static List<String> names(ListingResult listing) {
        return listing.getDomains().stream().map(DomainEntry::getName).toList();
    }
}
