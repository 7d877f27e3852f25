package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.clusterActions;
import static io.xenpulse.scenarios.Scenarios.story;
import static io.xenpulse.scenarios.Scenarios.vmCommandsFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.simulator.ActionKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, case 4: web01 migrates live from xen-1 to xen-2 while xen-2's observations arrive 3.5 s late
 * (within the silence bound). xen-1 lists web01 migrating, then absent twice through a healthy xend. A VM in
 * migration, or seen alive on another node, is never dead: it must not be restarted on xen-1.
 */
class LiveMigrationScenarioTest extends ScenarioTest {

    @Test
    void shouldNeverRestartAMigratedVmOnItsSourceWhileTheDestinationsProbeIsLate() {
        // given
        run = new ScenarioRun(threeNodes(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "xen-2's observations reach the log 3.5 s late for 12 s",
                () -> run.makeProbeLate("xen-2", Duration.ofMillis(3500), run.now().plusSeconds(12)));
        run.at(Duration.ofMillis(20500), "an operator migrates web01 live from xen-1 to xen-2 (2 s)",
                () -> run.cluster().migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(2)));

        // when
        run.runFor(Duration.ofSeconds(60));

        // then
        assertThat(run.cluster().invariantMonitor().violations()).as(() -> story(run)).isEmpty();
        assertThat(clusterActions(run, ActionKind.VM_START)).isEmpty();
        assertThat(vmCommandsFor(run, "web01")).isEmpty();
        assertThat(run.cluster().locate("web01")).containsExactly("xen-2");
    }

    private static ClusterSpec threeNodes() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1").vm("db01", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
