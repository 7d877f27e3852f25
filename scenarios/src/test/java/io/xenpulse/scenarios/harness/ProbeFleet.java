package io.xenpulse.scenarios.harness;

import io.xenpulse.simulator.SimulatedCluster;
import io.xenpulse.simulator.SimulatedNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link SimulatedProbe} per node. Their cycles are spread over the interval (each node 300 ms after the
 * one before, wrapping around), as independent probes' timers are, so their observations do not all land
 * in the same instant.
 */
final class ProbeFleet {

    private static final Duration SPREAD = Duration.ofMillis(300);

    private final Map<String, SimulatedProbe> probes = new LinkedHashMap<>();

    ProbeFleet(SimulatedCluster cluster, ScenarioTimings timings, Instant start) {
        int index = 0;
        for (SimulatedNode node : cluster.nodes()) {
            final Duration offset = SPREAD.multipliedBy(index++ % Math.max(1, timings.probeInterval().dividedBy(SPREAD)));
            probes.put(node.name(), new SimulatedProbe(cluster.clusterId(), node, timings.probeInterval(),
                    timings.replayAfter(), start.plus(offset)));
        }
    }

    SimulatedProbe of(String node) {
        final SimulatedProbe probe = probes.get(node);
        if (probe == null) {
            throw new IllegalArgumentException("no probe on " + node);
        }
        return probe;
    }

    void step(Instant now, InputLog log) {
        probes.values().forEach(probe -> probe.step(now, log));
    }
}
