package io.xenpulse.probe;

import io.xenpulse.schemas.observation.NodeObservation;

/** Where a {@link ProbeLoop} hands its observations: the Kafka publisher, or a collector in tests. */
@FunctionalInterface
public interface ObservationSink {

    /** Hands one observation on; delivery may complete later (failures are the sink's to report). */
    void publish(NodeObservation observation);
}
