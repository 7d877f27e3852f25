package io.xenpulse.scenarios.faults;

import io.xenpulse.scenarios.faults.DomainFaults.DomainCrash;
import io.xenpulse.scenarios.faults.DomainFaults.LiveMigration;
import io.xenpulse.scenarios.faults.MonitoringFaults.CorrelatorLag;
import io.xenpulse.scenarios.faults.MonitoringFaults.CorrelatorRestart;
import io.xenpulse.scenarios.faults.MonitoringFaults.LateProbe;
import io.xenpulse.scenarios.faults.MonitoringFaults.ProbeCrash;
import io.xenpulse.scenarios.faults.MonitoringFaults.UplinkCut;
import io.xenpulse.scenarios.faults.NodeFaults.FenceDeviceFailure;
import io.xenpulse.scenarios.faults.NodeFaults.HungDomainStarts;
import io.xenpulse.scenarios.faults.NodeFaults.OperatorPowersOn;
import io.xenpulse.scenarios.faults.NodeFaults.PowerLoss;
import io.xenpulse.scenarios.faults.NodeFaults.XendHung;
import io.xenpulse.scenarios.faults.NodeFaults.XendStopped;
import io.xenpulse.scenarios.faults.NodeFaults.XendUnrestartable;
import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws a {@link FaultSchedule} from a seed: 3 or 4 nodes (sometimes one xl-only) that take 10 to 40 s to
 * boot, 4 to 8 VMs with random homes, policies and /etc/xen/auto entries, 2 to 4 virtual minutes, and faults
 * of every kind the issue lists, mixed at random. The same seed always gives the same schedule.
 */
public final class FaultScheduleGenerator {

    static final Duration WARM_UP = Duration.ofSeconds(15);
    static final Duration QUIET_TAIL = Duration.ofSeconds(75);

    private final Random random;
    private final long seed;
    private List<String> nodes;
    private List<String> vms;
    private long windowEndMillis;

    private FaultScheduleGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static FaultSchedule generate(long seed) {
        return new FaultScheduleGenerator(seed).schedule();
    }

    private FaultSchedule schedule() {
        final ClusterSpec cluster = cluster();
        nodes = cluster.nodeNames();
        vms = cluster.vms().stream().map(ClusterSpec.Vm::name).toList();
        final Duration length = Duration.ofSeconds(120 + random.nextInt(121));
        windowEndMillis = length.minus(QUIET_TAIL).toMillis();
        final int count = 2 + random.nextInt(2 + (int) ((windowEndMillis - WARM_UP.toMillis()) / 20_000));
        final List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faults.add(fault(instant()));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return new FaultSchedule(seed, cluster, faults, length, QUIET_TAIL);
    }

    private ClusterSpec cluster() {
        final int nodeCount = 3 + random.nextInt(2);
        final ClusterSpec.Builder builder = ClusterSpec.named("c" + seed).bootTime(seconds(10, 40));
        final int xlOnly = random.nextInt(10) < 3 ? random.nextInt(nodeCount) : -1;
        for (int n = 1; n <= nodeCount; n++) {
            if (n - 1 == xlOnly) {
                builder.xlNode("xen-" + n);
            } else {
                builder.node("xen-" + n);
            }
        }
        final int vmCount = 4 + random.nextInt(5);
        for (int v = 1; v <= vmCount; v++) {
            builder.vm(String.format("vm%02d", v), "xen-" + (1 + random.nextInt(nodeCount)),
                    random.nextInt(100) < 35 ? RecoveryPolicy.RELOCATE : RecoveryPolicy.RESTART,
                    random.nextInt(100) < 30);
        }
        return builder.build();
    }

    /** Weighted kinds of faults; each draws its own target and durations. */
    private Fault fault(Duration at) {
        final List<Function<Duration, Fault>> kinds = List.of(
                t -> new XendStopped(t, node(), seconds(2, 6)),
                t -> new XendStopped(t, node(), until(t, seconds(20, 60))),
                t -> new XendStopped(t, node(), Duration.ZERO),
                t -> new XendHung(t, node(), seconds(2, 6)),
                t -> new XendHung(t, node(), until(t, seconds(20, 60))),
                t -> new XendUnrestartable(t, node()),
                t -> new DomainCrash(t, vm()),
                t -> new LiveMigration(t, vm(), node(), Duration.ofMillis(1000 + 500L * random.nextInt(9))),
                t -> new PowerLoss(t, node(), random.nextBoolean() ? Duration.ZERO : until(t, seconds(5, 60))),
                t -> new ProbeCrash(t, node(), random.nextInt(5) == 0 ? Duration.ZERO : until(t, seconds(5, 60))),
                t -> new LateProbe(t, node(), Duration.ofMillis(1500 + 500L * random.nextInt(8)), until(t, seconds(5, 30))),
                t -> new UplinkCut(t, node(), random.nextInt(5) == 0 ? Duration.ZERO : until(t, seconds(5, 40))),
                t -> new CorrelatorRestart(t, until(t, seconds(5, 60))),
                t -> new CorrelatorLag(t, 1 + random.nextInt(3), until(t, seconds(10, 40))),
                t -> new FenceDeviceFailure(t, node(), random.nextInt(10) < 3 ? Duration.ZERO : until(t, seconds(10, 60))),
                t -> new OperatorPowersOn(t, node(), seconds(1, 30), Duration.ofMillis(windowEndMillis)),
                t -> new HungDomainStarts(t, node(), until(t, seconds(10, 30))));
        final int[] weights = {10, 6, 3, 6, 4, 4, 10, 8, 6, 6, 6, 4, 5, 4, 5, 6, 3};
        int pick = random.nextInt(java.util.Arrays.stream(weights).sum());
        int kind = 0;
        while (pick >= weights[kind]) {
            pick -= weights[kind++];
        }
        return kinds.get(kind).apply(at);
    }

    /** A fault time in the window, on the scenario's 100 ms grid. */
    private Duration instant() {
        final long steps = (windowEndMillis - WARM_UP.toMillis()) / 100;
        return WARM_UP.plusMillis(100 * (long) random.nextInt((int) Math.max(1, steps)));
    }

    private Duration seconds(int min, int max) {
        return Duration.ofMillis(1000L * min + 100L * random.nextInt(10 * (max - min) + 1));
    }

    /** A temporary fault ends before the quiet tail begins (and lasts at least a second). */
    private Duration until(Duration at, Duration lasting) {
        final long left = windowEndMillis - at.toMillis();
        return Duration.ofMillis(Math.max(1000, Math.min(lasting.toMillis(), left)));
    }

    private String node() {
        return nodes.get(random.nextInt(nodes.size()));
    }

    private String vm() {
        return vms.get(random.nextInt(vms.size()));
    }
}
