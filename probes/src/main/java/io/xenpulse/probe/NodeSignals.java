package io.xenpulse.probe;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.PeerCheck;
import java.util.List;

/** What a {@link SignalSource} gathered on its node in one cycle: daemon checks, domain listings, peers. */
public record NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings, List<PeerCheck> peers) {

    public NodeSignals {
        daemons = List.copyOf(daemons);
        listings = List.copyOf(listings);
        peers = List.copyOf(peers);
    }

    /** Signals without peer checks. */
    public NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings) {
        this(daemons, listings, List.of());
    }
}
