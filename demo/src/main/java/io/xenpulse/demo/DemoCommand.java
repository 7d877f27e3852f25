package io.xenpulse.demo;

import io.xenpulse.localstack.LocalStack;
import io.xenpulse.localstack.LocalStackConfig;
import io.xenpulse.localstack.RegistryStorage;
import io.xenpulse.simulator.SimulatedCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code xenpulse demo [--report FILE]}: starts the local stack (a real KRaft broker and a real Apicurio
 * Registry), the whole pipeline against a simulated 4-node cluster with 30 VMs, replays the incidents,
 * prints the timeline and the verdict. Exit status 0 only when the invariants held and every incident
 * recovered.
 */
final class DemoCommand {

    static final int INVARIANT_VIOLATED = 1;
    static final int NOT_RECOVERED = 2;

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(Optional<Path> report) throws Exception {
        final Clock clock = Clock.systemUTC();
        final Instant start = clock.instant();
        final Path workDir = Files.createTempDirectory("xenpulse-demo-");
        out.println("xenpulse demo: starting a local Kafka broker and Apicurio Registry (data in " + workDir + ")");
        final LocalStackConfig stackConfig = LocalStackConfig.builder().brokerPort(0).registryHttpPort(0)
                .registryManagementPort(0).dataDir(workDir.resolve("stack"))
                .registryStorage(RegistryStorage.KAFKASQL).startupTimeout(Duration.ofSeconds(120)).build();
        final SimulatedCluster cluster = DemoCluster.simulate(clock);
        final Verdict verdict;
        try (LocalStack stack = LocalStack.start(stackConfig)) {
            out.printf("broker %s, registry %s, ready after %d ms%n", stack.bootstrapServers(), stack.registryUrl(),
                    Duration.between(start, clock.instant()).toMillis());
            try (DemoPipeline pipeline = DemoPipeline.start(stack.bootstrapServers(), stack.registryUrl(), cluster,
                    clock, workDir, out, start)) {
                out.printf("pipeline running: 4 nodes, %d VMs, probes every 1 s%n", cluster.vms().size());
                Thread.sleep(5_000); // let every probe report a healthy baseline first
                final List<Incident> incidents = new Scenario(cluster, clock, out).run();
                pipeline.timeline().awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(15));
                verdict = Verdict.of(cluster, pipeline.timeline().results(), incidents);
            }
        }
        verdict.print(out);
        out.printf("demo took %d s%n", Duration.between(start, clock.instant()).toSeconds());
        if (report.isPresent()) {
            Files.writeString(report.get(), verdict.toJson(), StandardCharsets.UTF_8);
            out.println("report written to " + report.get());
        }
        deleteQuietly(workDir);
        if (!verdict.invariantsHeld()) {
            return INVARIANT_VIOLATED;
        }
        return verdict.everyIncidentRecovered() ? 0 : NOT_RECOVERED;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
