package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.clusterActions;
import static io.xenpulse.scenarios.Scenarios.commands;
import static io.xenpulse.scenarios.Scenarios.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.simulator.ActionKind;
import java.time.Duration;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7, case 1: the correlator's own restart or lag is not the cluster's failure. Probes keep publishing
 * every second while the correlator is down or behind; when it reads the backlog, no healthy node may look
 * lost to it.
 */
class CorrelatorRestartScenarioTest extends ScenarioTest {

    /**
     * The exact length of the outage decides where the correlator's ticks fall while it catches up (it reads
     * this cluster's backlog at 10 records/s), so the restart is tried with twenty lengths around 50 s.
     */
    @ParameterizedTest(name = "correlator down for {0} ms")
    @MethodSource("outagesAroundFiftySeconds")
    void shouldNotFenceAHealthyNodeAfterItsOwnRestartWithAFiftySecondBacklog(long downMillis) {
        // given
        run = new ScenarioRun(threeHealthyNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(30), "the correlator is killed (-9) and started again " + downMillis + " ms later",
                () -> run.stopCorrelatorFor(Duration.ofMillis(downMillis)));

        // when
        run.runFor(Duration.ofSeconds(180));

        // then
        assertThat(commands(run, CommandKind.FENCE_NODE)).as(() -> story(run)).isEmpty();
        assertThat(clusterActions(run, ActionKind.POWER_OFF)).isEmpty();
        assertThat(run.placement()).containsEntry("web01", Set.of("xen-1"))
                .containsEntry("db01", Set.of("xen-2")).containsEntry("app01", Set.of("xen-3"));
    }

    @Test
    void shouldNotFenceAHealthyNodeWhileTheCorrelatorFallsBehindAndCatchesUp() {
        // given: a loaded broker lets the correlator read 2 records a second while probes write 3
        run = new ScenarioRun(threeHealthyNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(30), "the correlator reads 2 records/s for 40 s",
                () -> run.slowCorrelator(run.now().plusSeconds(40), 2));

        // when
        run.runFor(Duration.ofSeconds(150));

        // then
        assertThat(commands(run, CommandKind.FENCE_NODE)).as(() -> story(run)).isEmpty();
        assertThat(clusterActions(run, ActionKind.POWER_OFF)).isEmpty();
    }

    static LongStream outagesAroundFiftySeconds() {
        return LongStream.range(0, 20).map(i -> 50_000 + 100 * i);
    }

    private static ClusterSpec threeHealthyNodes() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1").vm("db01", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
