package io.xenpulse.correlator.app;

import io.xenpulse.correlator.topology.CorrelatorTopology;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the correlator until SIGTERM. Configuration comes from the environment (see {@link CorrelatorConfig}). */
public final class CorrelatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(CorrelatorMain.class);

    private CorrelatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        final CorrelatorConfig config = CorrelatorConfig.fromMap(System.getenv());
        final KafkaStreams streams = start(config);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }, "correlator-shutdown"));
        stopped.await();
    }

    /** Builds and starts the correlator; the caller owns the returned instance and closes it. */
    public static KafkaStreams start(CorrelatorConfig config) {
        LOG.info("starting correlator with {}", config.connection());
        final XenTopics topics = XenTopics.create(config.connection().topicPrefix(),
                RegistrySerdeFactory.fromConfig(config.connection().serdeConfig()));
        final KafkaStreams streams = new KafkaStreams(
                CorrelatorTopology.build(config.policy(), config.tickInterval(), topics),
                config.streamsProperties(topics.deadLetters().name()));
        // A processing bug on one record must not stop the correlator for every cluster: replace the thread.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return streams;
    }
}
