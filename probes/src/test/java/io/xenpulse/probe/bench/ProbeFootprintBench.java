package io.xenpulse.probe.bench;

import io.xenpulse.localstack.LocalStack;
import io.xenpulse.localstack.LocalStackConfig;
import io.xenpulse.localstack.RegistryStorage;
import io.xenpulse.probe.xen.Emulators;
import io.xenpulse.schemas.topics.TopicProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Measures the probe's footprint as it runs in production: the shipped jar in its own JVM with the systemd
 * unit's options (and its MALLOC_ARENA_MAX), a 5 s interval, every source enabled, 50 domains (emulated
 * xm/xl/xenstore, the real virsh on a 50-domain test-driver node), the four control daemons running with
 * their pid files, publishing to a real broker. Prints resident memory and CPU use of the
 * probe JVM, and the CPU of the tools it ran, separately.
 *
 * <p>Run with {@code probes/bench/footprint.sh [seconds]}; numbers, not assertions.
 */
public final class ProbeFootprintBench {

    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final double TICKS_PER_SECOND = 100.0;

    private ProbeFootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        final Duration measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 180);
        final boolean baseline = args.length > 1 && args[1].equals("--baseline");
        final Path jar = Path.of(System.getProperty("probe.jar", "probes/target/probes-0.1.0-SNAPSHOT-all.jar"));
        final ShippedUnit unit = ShippedUnit.read(ShippedUnit.UNIT);
        final Path work = Files.createTempDirectory("xenpulse-probe-bench-");
        try (LocalStack stack = LocalStack.start(LocalStackConfig.builder().registryStorage(RegistryStorage.IN_MEMORY).build())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                new TopicProvisioner(admin, 1, (short) 1).provision("");
            }
            final Emulators emulators = Emulators.installAllIn(work).scenario("fifty");
            final Path node = FiftyDomainNode.write(work.resolve("node.xml"));
            try (RunningDaemons daemons = RunningDaemons.start(work)) {
                final Process probe = start(jar, baseline, unit, work, emulators, node, daemons, stack);
                try {
                    report(measure(probe.pid(), measured), unit, baseline);
                } finally {
                    probe.destroy();
                    probe.waitFor();
                }
            }
        }
    }

    /** The shipped probe, or with {@code baseline} the {@link BareProducer} in the same JVM set-up. */
    private static Process start(Path jar, boolean baseline, ShippedUnit unit, Path work, Emulators emulators,
            Path node, RunningDaemons daemons, LocalStack stack) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(unit.jvmOptions());
        command.addAll(extraJvmOptions());
        if (baseline) {
            final String testClasses = BareProducer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            command.addAll(List.of("-cp", jar + ":" + testClasses, BareProducer.class.getName()));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("probe.log").toFile());
        final Map<String, String> env = builder.environment();
        env.putAll(unit.environment());
        env.put("XENPULSE_CLUSTER", "bench");
        env.put("XENPULSE_NODE", "xen-1");
        env.put("XENPULSE_PROBE_INTERVAL", "5s");
        env.put("XENPULSE_SOURCES", "xm,xl,xenstore,virsh");
        env.put("XENPULSE_TOOL_PATH", emulators.bin() + ":/usr/bin:/bin");
        env.put("XENPULSE_VIRSH_URI", "test://" + node);
        env.put("XENPULSE_RUN_DIR", daemons.runDir().toString());
        env.put("XENPULSE_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("XENPULSE_SCHEMA_REGISTRY_URL", stack.registryUrl());
        env.put("XENPULSE_SPOOL_DIR", work.resolve("spool").toString());
        env.put("LOG_LEVEL", "WARN");
        System.out.println("probe log: " + work.resolve("probe.log"));
        return builder.start();
    }

    /** Options to try beside the unit's, e.g. {@code BENCH_JVM_EXTRA=-XX:NativeMemoryTracking=summary}. */
    private static List<String> extraJvmOptions() {
        final String extra = System.getenv().getOrDefault("BENCH_JVM_EXTRA", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    private static List<ProcessSample> measure(long pid, Duration measured) throws Exception {
        Thread.sleep(WARM_UP.toMillis());
        final List<ProcessSample> samples = new ArrayList<>();
        final long end = System.nanoTime() + measured.toNanos();
        while (System.nanoTime() < end) {
            samples.add(ProcessSample.of(pid));
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        samples.add(ProcessSample.of(pid));
        return samples;
    }

    private static void report(List<ProcessSample> samples, ShippedUnit unit, boolean baseline) {
        final ProcessSample first = samples.get(0);
        final ProcessSample last = samples.get(samples.size() - 1);
        final double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
        final long[] rss = samples.stream().mapToLong(ProcessSample::rssKb).sorted().toArray();
        final String measuredWhat = baseline ? "bare transactional producer (baseline): one 6 KB record per 5 s"
                : "probe: 5 s interval, 50 domains, xm+xl+xenstore+virsh, 4 daemons watched";
        System.out.printf(Locale.ROOT, "%s; over %.0f s after a %d s warm-up; JVM %s %s%n", measuredWhat, seconds,
                WARM_UP.toSeconds(), String.join(" ", unit.jvmOptions()), String.join(" ", extraJvmOptions()));
        System.out.printf(Locale.ROOT, "resident memory: median %.1f MB, max %.1f MB, peak (VmHWM) %.1f MB%n",
                rss[rss.length / 2] / 1024.0, rss[rss.length - 1] / 1024.0, last.peakRssKb() / 1024.0);
        System.out.printf(Locale.ROOT, "JVM CPU: %.2f %% of one core (user %.2f %%, system %.2f %%)%n",
                percent(last.ownTicks() - first.ownTicks(), seconds),
                percent(last.userTicks() - first.userTicks(), seconds),
                percent(last.systemTicks() - first.systemTicks(), seconds));
        System.out.printf(Locale.ROOT, "tools' CPU (xm, xl, xenstore-*, virsh, reaped children): %.2f %% of one core%n",
                percent(last.childTicks() - first.childTicks(), seconds));
    }

    private static double percent(long ticks, double seconds) {
        return 100.0 * ticks / TICKS_PER_SECOND / seconds;
    }
}
