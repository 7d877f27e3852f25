package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import java.util.List;

/**
 * What a probe on a simulated node would gather in one cycle: the daemon checks and the domain listings,
 * as the Avro types a probe publishes. The simulator's own type so that it depends on no probe code.
 */
public record NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings) {

    public NodeSignals {
        daemons = List.copyOf(daemons);
        listings = List.copyOf(listings);
    }
}
