package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentUseTest {

    @Test
    void shouldKeepOneConsistentStateWhenProbesAndAnActuatorCallConcurrently() throws Exception {
        // given
        final MutableClock clock = new MutableClock(Instant.parse("2009-06-01T12:00:00Z"));
        final ClusterBuilder builder = SimulatedCluster.builder("prod-a", clock);
        for (int n = 1; n <= 4; n++) {
            builder.node("xen-" + n);
        }
        for (int v = 0; v < 20; v++) {
            builder.vm("vm" + v, "xen-" + (1 + v % 4));
        }
        final SimulatedCluster cluster = builder.build();
        final ExecutorService pool = Executors.newFixedThreadPool(5);
        final List<Future<?>> tasks = new ArrayList<>();

        // when: four probes read while an actuator bounces every VM and faults come and go
        try {
            for (SimulatedNode node : cluster.nodes()) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        node.readSignals();
                    }
                }));
            }
            tasks.add(pool.submit(() -> {
                for (int round = 0; round < 50; round++) {
                    clock.advance(Duration.ofSeconds(1));
                    cluster.node("xen-1").stopXend(Duration.ofMillis(500));
                    for (int v = 0; v < 20; v++) {
                        final SimulatedNode home = cluster.node("xen-" + (1 + v % 4));
                        home.stopDomain("vm" + v);
                        home.startDomain("vm" + v);
                    }
                }
            }));
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(cluster.invariantMonitor().holds()).isTrue();
        assertThat(cluster.nodes().stream().mapToInt(n -> n.runningDomains().size()).sum()).isEqualTo(20);
    }
}
