package io.xenpulse.probe;

import io.xenpulse.probe.cli.ObservationJson;
import io.xenpulse.probe.cli.ProbeArguments;
import io.xenpulse.probe.signals.DaemonChangeTrigger;
import io.xenpulse.probe.signals.HostSignalSource;
import io.xenpulse.probe.signals.HostSignals;
import io.xenpulse.probe.signals.SignalsConfig;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the probe on a Xen node ({@code xenpulse probe}). Configuration comes from the environment;
 * see {@link ProbeConfig} and {@link SignalsConfig}. Exit status 0 on a clean stop, 1 when {@code --once}
 * gathered nothing, 2 on bad configuration, 64 on bad arguments.
 */
public final class ProbeMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeMain.class);
    private static final Duration DAEMON_WATCH = Duration.ofSeconds(1);

    private ProbeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(List.of(args), System.getenv(), System.out));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) throws InterruptedException {
        final ProbeArguments arguments;
        try {
            arguments = ProbeArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ProbeArguments.USAGE);
            return 64;
        }
        try {
            final HostSignals host = new HostSignals(SignalsConfig.fromMap(env));
            return arguments.print() ? print(arguments, env, host, out) : publish(arguments, env, host);
        } catch (IllegalArgumentException | IllegalStateException | KafkaException e) {
            LOG.error("cannot start the probe: {}", e.getMessage());
            System.err.println("xenpulse probe: " + e.getMessage());
            return 2;
        }
    }

    /** Prints observations as JSON; needs no Kafka, so it works on a node before the pipeline exists. */
    private static int print(ProbeArguments arguments, Map<String, String> env, HostSignals host, PrintStream out)
            throws InterruptedException {
        final String cluster = env.getOrDefault(ProbeConfig.CLUSTER, "unconfigured");
        final String node = Optional.ofNullable(env.get(ProbeConfig.NODE)).orElseGet(ProbeMain::hostname);
        try (HostSignalSource source = host.source()) {
            final ProbeLoop loop = new ProbeLoop(cluster, node, ProbeConfig.parseInterval(
                    env.getOrDefault(ProbeConfig.INTERVAL, "")), source,
                    observation -> out.println(ObservationJson.render(observation)), Clock.systemUTC());
            if (arguments.once()) {
                return loop.runCycle().isPresent() ? 0 : 1;
            }
            loop.start();
            awaitShutdown(loop::close);
            return 0;
        }
    }

    private static int publish(ProbeArguments arguments, Map<String, String> env, HostSignals host)
            throws InterruptedException {
        final ProbeConfig config = ProbeConfig.fromMap(env);
        LOG.info("starting probe with {}", config);
        try (HostSignalSource source = host.source()) {
            final Probe probe = Probe.start(config, source, Clock.systemUTC());
            if (arguments.once()) {
                final boolean gathered = probe.observeNow();
                probe.close();
                return gathered ? 0 : 1;
            }
            final DaemonChangeTrigger trigger = new DaemonChangeTrigger(host.processChecks(), probe::observeNow);
            trigger.start(DAEMON_WATCH);
            awaitShutdown(() -> {
                trigger.close();
                probe.close();
            });
            return 0;
        }
    }

    /** Blocks until SIGTERM (or another JVM shutdown), then runs {@code stop} before the JVM exits. */
    private static void awaitShutdown(Runnable stop) throws InterruptedException {
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "xenpulse-probe-shutdown"));
        stopped.await();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
