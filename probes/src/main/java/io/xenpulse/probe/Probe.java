package io.xenpulse.probe;

import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Clock;

/**
 * A running probe: the publisher and the loop wired from a {@link ProbeConfig} and a {@link SignalSource}.
 * {@link ProbeMain} runs one per node; the demo runs one per simulated node in a single JVM.
 */
public final class Probe implements AutoCloseable {

    private final ProbeLoop loop;
    private final ObservationPublisher publisher;

    private Probe(ProbeLoop loop, ObservationPublisher publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    /**
     * Connects to the pipeline and starts probing.
     *
     * @throws org.apache.kafka.common.config.ConfigException for bad serde or producer settings
     */
    public static Probe start(ProbeConfig config, SignalSource source, Clock clock) {
        final XenTopics topics = XenTopics.create(config.connection().topicPrefix(),
                RegistrySerdeFactory.fromConfig(config.connection().serdeConfig()));
        final String clientId = "xenpulse-probe-" + config.clusterId() + "-" + config.node();
        final ObservationPublisher publisher = new ObservationPublisher(topics.observations(),
                config.connection().clientConfig(), clientId);
        final ProbeLoop loop = new ProbeLoop(config.clusterId(), config.node(), config.interval(), source,
                publisher, clock);
        loop.start();
        return new Probe(loop, publisher);
    }

    /** Gathers and publishes an observation now (a daemon came or went); true when one was gathered. */
    public boolean observeNow() {
        return loop.runCycle().isPresent();
    }

    /** Stops probing, then delivers what is still buffered and disconnects. */
    @Override
    public void close() {
        loop.close();
        publisher.close();
    }
}
