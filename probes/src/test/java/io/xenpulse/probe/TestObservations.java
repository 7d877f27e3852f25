package io.xenpulse.probe;

import io.xenpulse.schemas.observation.NodeObservation;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Observations and producers for tests of delivery. */
public final class TestObservations {

    private TestObservations() {
    }

    /** A healthy observation of node xen-1 of cluster prod-a. */
    public static NodeObservation observation(long sequence, Instant observedAt) {
        return NodeObservation.newBuilder()
                .setCluster("prod-a")
                .setNode("xen-1")
                .setBootId("boot-1")
                .setSequence(sequence)
                .setObservedAt(observedAt)
                .setReplayed(false)
                .setDaemons(ScriptedSource.HEALTHY.daemons())
                .setListings(List.of())
                .setPeers(List.of())
                .build();
    }

    /** A transactional mock producer that acknowledges every send at once. */
    public static MockProducer<String, NodeObservation> mockProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, observation) -> new byte[0]);
    }
}
