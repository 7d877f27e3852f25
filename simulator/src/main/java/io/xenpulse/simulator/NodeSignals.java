package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.Toolstack;
import java.util.List;
import java.util.Objects;

/**
 * What a probe on a simulated node would gather in one cycle: the daemon checks, the domain listings, the
 * toolstack it found and its checks of the other nodes, as the Avro types a probe publishes. The
 * simulator's own type so that it depends on no probe code.
 */
public record NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings, Toolstack toolstack,
        List<PeerCheck> peers) {

    public NodeSignals {
        daemons = List.copyOf(daemons);
        listings = List.copyOf(listings);
        Objects.requireNonNull(toolstack, "toolstack");
        peers = List.copyOf(peers);
    }

    /** Signals of a classic xend node, without peer checks. */
    public NodeSignals(List<DaemonCheck> daemons, List<ListingResult> listings) {
        this(daemons, listings, Toolstack.XM, List.of());
    }
}
