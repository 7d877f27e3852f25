package io.xenpulse.probe.signals;

import io.xenpulse.schemas.observation.PeerCheck;
import java.util.List;

/** Checks whether this node reaches the other nodes of its cluster. Never throws. */
public interface PeerProbe {

    List<PeerCheck> check();
}
