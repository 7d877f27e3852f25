package io.xenpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.testkit.Eventually;
import io.xenpulse.testkit.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four incidents of the seed report, end to end on a real broker and registry: no VM ever runs twice,
 * no VM is touched because of a control-daemon outage, and each real failure is recovered.
 */
class IncidentReplayIT {

    @TempDir
    Path workDir;

    @Test
    void shouldKeepEveryInvariantAndRecoverEveryIncident() throws Exception {
        // given
        final SharedStack stack = SharedStack.get();
        final Clock clock = Clock.systemUTC();
        final Instant start = clock.instant();
        final SimulatedCluster cluster = DemoCluster.simulate(clock);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        final Verdict verdict;
        // when
        try (DemoPipeline pipeline = DemoPipeline.start(stack.bootstrapServers(), stack.registryUrl(), cluster,
                clock, workDir, out, start)) {
            Thread.sleep(5_000); // a healthy baseline from every probe, as in the demo
            final List<Incident> incidents = new Scenario(cluster, clock, out).run();
            // the last result may still be on its way to the timeline when the simulator shows recovery
            Eventually.await(Duration.ofSeconds(30), "the crashed VM's restart result on the timeline",
                    () -> Verdict.of(cluster, pipeline.timeline().results(), incidents).vmRestarts() >= 1);
            verdict = Verdict.of(cluster, pipeline.timeline().results(), incidents);
        }
        final String timeline = printed.toString(StandardCharsets.UTF_8);
        // then
        assertThat(verdict.vmsRunTwice()).as(timeline).isZero();
        assertThat(verdict.vmActionsDuringXendOutages()).as(timeline).isZero();
        assertThat(verdict.incidents()).as(timeline).allSatisfy(i -> assertThat(i.recoveredAt()).isPresent());
        assertThat(verdict.xendRestarts()).as("xend restarted on xen-2 (and attempted on xen-3)").isGreaterThanOrEqualTo(1);
        assertThat(verdict.fences()).as("xen-3 fenced exactly once").isEqualTo(1);
        assertThat(verdict.relocations()).as("xen-3's VMs relocated").isEqualTo(7);
        assertThat(verdict.vmRestarts()).as("the crashed VM restarted in place").isEqualTo(1);
        assertThat(timeline).contains("daemon-outage-grace", "fence-verified-off", "vm-dead-restart");
    }
}
