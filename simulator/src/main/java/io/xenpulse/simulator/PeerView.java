package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe's TCP checks of the other nodes of its cluster: OK when the peer is up (on and booted) and both ends'
 * uplinks are up, DOWN otherwise (the probe's peer timeout spent). A second, independent channel that tells
 * a node whose probe or uplink died from a node that died. Called under the cluster's lock.
 */
final class PeerView {

    static final int PEER_PORT = 7070;
    private static final long CONNECT_MILLIS = 1;
    private static final long TIMEOUT_MILLIS = 1000;

    private PeerView() {
    }

    static List<PeerCheck> checksFrom(SimulatedCluster cluster, String from) {
        final boolean ownLinkUp = cluster.node(from).monitoring().reachable();
        final List<PeerCheck> checks = new ArrayList<>();
        for (SimulatedNode peer : cluster.nodesUnlocked()) {
            if (peer.name().equals(from)) {
                continue;
            }
            final boolean reached = ownLinkUp && peer.up() && peer.monitoring().reachable();
            checks.add(PeerCheck.newBuilder()
                    .setPeer(peer.name())
                    .setAddress(peer.name() + ":" + PEER_PORT)
                    .setStatus(reached ? SourceStatus.OK : SourceStatus.DOWN)
                    .setLatencyMillis(reached ? CONNECT_MILLIS : TIMEOUT_MILLIS)
                    .build());
        }
        return checks;
    }
}
