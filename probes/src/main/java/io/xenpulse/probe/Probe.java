package io.xenpulse.probe;

import io.xenpulse.probe.delivery.DeliverySettings;
import io.xenpulse.probe.delivery.SpoolingPublisher;
import io.xenpulse.probe.spool.FileSequenceCheckpoint;
import io.xenpulse.probe.spool.ObservationCodec;
import io.xenpulse.probe.spool.ObservationSpool;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running probe: the loop, the spool it writes ahead to, and the deliverer that publishes the spool,
 * wired from a {@link ProbeConfig} and a {@link SignalSource}. {@link ProbeMain} runs one per node; the demo
 * runs one per simulated node in a single JVM, each with its own (temporary, unless configured) spool.
 */
public final class Probe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

    private final ProbeLoop loop;
    private final SpoolingPublisher delivery;
    private final Path spoolDir;
    private final boolean temporarySpool;

    private Probe(ProbeLoop loop, SpoolingPublisher delivery, Path spoolDir, boolean temporarySpool) {
        this.loop = loop;
        this.delivery = delivery;
        this.spoolDir = spoolDir;
        this.temporarySpool = temporarySpool;
    }

    /**
     * Opens the spool (delivering what a previous run left in it), connects to the pipeline and starts probing.
     *
     * @throws IllegalStateException when the spool directory cannot be used
     * @throws org.apache.kafka.common.KafkaException for bad serde or producer settings
     */
    public static Probe start(ProbeConfig config, SignalSource source, Clock clock) {
        final String name = config.clusterId() + "-" + config.node();
        final DeliverySettings settings = config.delivery();
        final Optional<Path> temporary = settings.spoolDir().isPresent() ? Optional.empty()
                : Optional.of(temporarySpool(name));
        final Path dir = settings.spoolDir().orElseGet(temporary::get);
        ObservationSpool spool = null;
        SpoolingPublisher delivery = null;
        try {
            spool = ObservationSpool.open(dir, settings.limits(), clock);
            final ObservationCodec codec = ObservationCodec.open(dir.resolve("schemas"));
            final XenTopics topics = XenTopics.create(config.connection().topicPrefix(),
                    RegistrySerdeFactory.fromConfig(config.connection().serdeConfig()));
            final ObservationPublisher publisher = new ObservationPublisher(topics.observations(),
                    config.connection().clientConfig(), "xenpulse-probe-" + name,
                    config.connection().topicPrefix() + "xenpulse-probe-" + name,
                    settings.replayWindow().deliveryTimeout());
            delivery = SpoolingPublisher.start(spool, codec, publisher, settings, clock, name);
            final ProbeLoop loop = new ProbeLoop(config.clusterId(), config.node(), config.interval(), source,
                    delivery, clock, new FileSequenceCheckpoint(dir.resolve("sequence")));
            loop.start();
            return new Probe(loop, delivery, dir, temporary.isPresent());
        } catch (IOException | RuntimeException e) {
            if (delivery != null) {
                delivery.close();
            }
            closeQuietly(spool);
            temporary.ifPresent(Probe::deleteQuietly);
            if (e instanceof IOException) {
                throw new IllegalStateException("cannot use the spool directory " + dir + ": " + e, e);
            }
            throw (RuntimeException) e;
        }
    }

    /** Gathers and publishes an observation now (a daemon came or went); true when one was gathered. */
    public boolean observeNow() {
        return loop.runCycle().isPresent();
    }

    /** Where this probe spools: the configured directory, or its temporary one. */
    public Path spoolDirectory() {
        return spoolDir;
    }

    /** Observations given up on so far (beyond the spool's limits, damaged or refused). */
    public long droppedObservations() {
        return delivery.droppedCount();
    }

    /** Stops probing, delivers what it can within the flush timeout, keeps the rest for the next start. */
    @Override
    public void close() {
        loop.close();
        delivery.close();
        if (temporarySpool) {
            if (delivery.pendingBytes() > 0) {
                LOG.warn("removing the temporary spool {} with {} bytes of undelivered observations", spoolDir,
                        delivery.pendingBytes());
            }
            deleteQuietly(spoolDir);
        }
    }

    private static Path temporarySpool(String name) {
        try {
            final Path dir = Files.createTempDirectory("xenpulse-spool-" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                    + "-");
            LOG.warn("no {}: spooling to the temporary {}, removed at shutdown (undelivered observations are lost"
                    + " with it)", DeliverySettings.SPOOL_DIR, dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary spool directory: " + e, e);
        }
    }

    private static void closeQuietly(ObservationSpool spool) {
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                LOG.debug("closing the spool after a failed start: {}", e.toString());
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the temporary spool {}: {}", dir, e.toString());
        }
    }
}
