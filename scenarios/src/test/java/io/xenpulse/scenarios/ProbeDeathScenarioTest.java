package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.clusterActions;
import static io.xenpulse.scenarios.Scenarios.commandsFor;
import static io.xenpulse.scenarios.Scenarios.decisionsAbout;
import static io.xenpulse.scenarios.Scenarios.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.invariants.OperatorHolds;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.simulator.ActionKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, case 2: a probe that dies on a healthy node is a monitoring failure. The other nodes' peer checks
 * still reach the node, so it is "probe or uplink down", a matter for operators, never a fence; a node that
 * no peer reaches any more may be fenced as before.
 */
class ProbeDeathScenarioTest extends ScenarioTest {

    @Test
    void shouldNotFenceANodeItsPeersStillReachWhenOnlyItsProbeDied() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "the probe on xen-2 dies; xen-2 and its VMs are fine",
                () -> run.cluster().node("xen-2").monitoring().killProbe());

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertThat(commandsFor(run, CommandKind.FENCE_NODE, "xen-2")).as(() -> story(run)).isEmpty();
        assertThat(clusterActions(run, ActionKind.VM_START)).isEmpty();
        assertThat(run.placement()).containsEntry("db01", Set.of("xen-2")).containsEntry("db02", Set.of("xen-2"));
        assertThat(decisionsAbout(run, "xen-2")).as(() -> story(run)).anyMatch(OperatorHolds::holdsForOperators);
    }

    @Test
    void shouldFenceANodeNoPeerReachesAndRestartItsVmsElsewhere() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "xen-2's uplink is cut: nobody reaches it, it reaches nobody",
                () -> run.cluster().node("xen-2").monitoring().cutUplink());

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertThat(commandsFor(run, CommandKind.FENCE_NODE, "xen-2")).as(() -> story(run)).isNotEmpty();
        assertThat(run.cluster().locate("db01")).isNotEmpty().doesNotContain("xen-2");
        assertThat(run.cluster().invariantMonitor().holds()).isTrue();
    }

    private static ClusterSpec threeNodes() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1").vm("db01", "xen-2").vm("db02", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
