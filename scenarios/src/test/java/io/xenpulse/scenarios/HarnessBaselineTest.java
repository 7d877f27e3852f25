package io.xenpulse.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.harness.Timeline.IssuedCommand;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.simulator.ActionKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness on incidents the pipeline handled before issue 7: what it shows must match the demo. */
class HarnessBaselineTest extends ScenarioTest {

    @Test
    void shouldLeaveAHealthyClusterAlone() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertThat(run.commands()).isEmpty();
        assertThat(run.timeline().decisions()).isEmpty();
        assertThat(run.cluster().actionLog().entries()).isEmpty();
    }

    @Test
    void shouldRestartACrashedVmInPlaceAfterTwoHealthyListings() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "web01 crashes on xen-1", () -> run.cluster().node("xen-1").crashDomain("web01"));

        // when
        run.runFor(Duration.ofSeconds(40));

        // then
        assertThat(run.commands()).extracting(IssuedCommand::command)
                .extracting(c -> c.getKind() + " " + c.getTargetNode() + " " + c.getVm())
                .containsExactly("RESTART_VM xen-1 web01");
        assertThat(run.cluster().locate("web01")).containsExactly("xen-1");
        assertThat(run.cluster().invariantMonitor().holds()).isTrue();
    }

    @Test
    void shouldFenceANodeWhoseXendCannotBeRestartedAndRelocateItsVms() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "xend on xen-2 dies for good", () -> {
            run.cluster().node("xen-2").makeXendUnrestartable();
            run.cluster().node("xen-2").stopXend(Duration.ZERO);
        });

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertThat(run.commands()).extracting(c -> c.command().getKind())
                .contains(CommandKind.RESTART_DAEMON, CommandKind.FENCE_NODE, CommandKind.RELOCATE_VM);
        assertThat(run.cluster().actionLog().entries()).extracting(r -> r.kind()).contains(ActionKind.POWER_OFF);
        assertThat(run.cluster().locate("db01")).isNotEmpty().doesNotContain("xen-2");
        assertThat(run.cluster().invariantMonitor().holds()).isTrue();
    }

    private static ClusterSpec threeNodes() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1").vm("db01", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
