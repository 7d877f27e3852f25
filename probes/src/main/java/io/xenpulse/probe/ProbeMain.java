package io.xenpulse.probe;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the probe process on a Xen node: reads {@link ProbeConfig} from the environment, starts a
 * {@link Probe} and stops it cleanly on SIGTERM. Exit status 2 on bad configuration.
 */
public final class ProbeMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeMain.class);

    private ProbeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            final ProbeConfig config = ProbeConfig.fromMap(System.getenv());
            runUntilShutdown(config, hostSignalSource(), Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException | KafkaException e) {
            LOG.error("cannot start the probe: {}", e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Starts a probe and blocks until the JVM is asked to stop, then closes it (flushing what is buffered).
     *
     * @throws KafkaException for bad serde or producer settings
     */
    public static void runUntilShutdown(ProbeConfig config, SignalSource source, Clock clock)
            throws InterruptedException {
        LOG.info("starting probe with {}", config);
        final Probe probe = Probe.start(config, source, clock);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            probe.close();
            stopped.countDown();
        }, "xenpulse-probe-shutdown"));
        stopped.await();
    }

    /** The signals of the Xen host this process runs on; the real backends (xm, xl, xenstore) come later. */
    private static SignalSource hostSignalSource() {
        throw new IllegalStateException("this build has no Xen signal backend yet (xm/xl/xenstore come in a"
                + " later issue); embed the probe with Probe.start(config, source, clock)");
    }
}
