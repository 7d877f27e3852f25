package io.xenpulse.probe;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import java.util.List;

/** What a {@link SignalSource} gathered on its node in one cycle: daemon checks and domain listings. */
public record NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings) {

    public NodeSignals {
        daemons = List.copyOf(daemons);
        listings = List.copyOf(listings);
    }
}
