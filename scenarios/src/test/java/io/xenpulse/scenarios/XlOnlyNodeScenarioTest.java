package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.clusterActions;
import static io.xenpulse.scenarios.Scenarios.commandsFor;
import static io.xenpulse.scenarios.Scenarios.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.simulator.ActionKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, case 3: an xl-only node (Xen 4.5 and later) runs no xend. A daemon it does not run is never
 * restarted and never a reason to fence; its xl and xenstore listings are authoritative for a VM's death.
 */
class XlOnlyNodeScenarioTest extends ScenarioTest {

    @Test
    void shouldNeverRestartXendOnAnXlOnlyNodeNorFenceIt() {
        // given
        run = new ScenarioRun(withXlOnlyNode(), ScenarioTimings.oneSecondProbes(), stateDir);

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertThat(commandsFor(run, CommandKind.RESTART_DAEMON, "xen-3")).as(() -> story(run)).isEmpty();
        assertThat(commandsFor(run, CommandKind.FENCE_NODE, "xen-3")).isEmpty();
        assertThat(clusterActions(run, ActionKind.POWER_OFF)).isEmpty();
        assertThat(run.placement()).containsEntry("app01", Set.of("xen-3")).containsEntry("app02", Set.of("xen-3"));
    }

    @Test
    void shouldRestartACrashedVmOnAnXlOnlyNodeAfterTwoHealthyXlListings() {
        // given
        run = new ScenarioRun(withXlOnlyNode(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(5), "app01 crashes on xl-only xen-3",
                () -> run.cluster().node("xen-3").crashDomain("app01"));

        // when
        run.runFor(Duration.ofSeconds(60));

        // then
        assertThat(commandsFor(run, CommandKind.RESTART_VM, "xen-3")).as(() -> story(run))
                .extracting(RecoveryCommand::getVm).containsExactly("app01");
        assertThat(run.cluster().locate("app01")).containsExactly("xen-3");
        assertThat(commandsFor(run, CommandKind.FENCE_NODE, "xen-3")).isEmpty();
    }

    private static ClusterSpec withXlOnlyNode() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").xlNode("xen-3")
                .vm("web01", "xen-1").vm("db01", "xen-2").vm("app01", "xen-3").vm("app02", "xen-3")
                .build();
    }
}
