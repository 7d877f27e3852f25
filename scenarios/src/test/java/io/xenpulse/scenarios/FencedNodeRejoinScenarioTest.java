package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.simulator.ActionKind;
import io.xenpulse.simulator.ActionOrigin;
import io.xenpulse.simulator.ActionRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, case 5: xen-1 is fenced (verified OFF) and its VMs relocated; an operator powers it on again, it
 * rejoins with a new boot id and its /etc/xen/auto starts web01, while web01's relocation is still in flight
 * (the start on the target hangs and times out, and is retried). web01 must never run twice, and the VM seen
 * running on a node other than its recovery target must be reported.
 */
class FencedNodeRejoinScenarioTest extends ScenarioTest {

    @Test
    void shouldNeverRunAVmTwiceWhenItsFencedNodeRejoinsWithItAutoStartedDuringItsRelocation() {
        // given
        run = new ScenarioRun(cluster(), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofSeconds(20), "xend on xen-1 dies and cannot be restarted", () -> {
            run.cluster().node("xen-1").makeXendUnrestartable();
            run.cluster().node("xen-1").stopXend(Duration.ZERO);
        });
        run.at(Duration.ofSeconds(20), "xm create hangs on xen-2 and xen-3 for 25 s", () -> {
            run.hangDomainStarts("xen-2", run.now().plusSeconds(25));
            run.hangDomainStarts("xen-3", run.now().plusSeconds(25));
        });
        run.at(Duration.ofSeconds(20), "an operator powers xen-1 on 2 s after any power-off",
                () -> run.operatorPowersOnAfter("xen-1", Duration.ofSeconds(2), run.now().plusSeconds(60)));

        // when
        run.runFor(Duration.ofSeconds(100));

        // then
        assertThat(run.cluster().invariantMonitor().violations()).as(() -> story(run)).isEmpty();
        final Instant autoStarted = run.cluster().actionLog().entries().stream()
                .filter(r -> r.kind() == ActionKind.VM_START && r.origin() == ActionOrigin.BOOT)
                .map(ActionRecord::at).findFirst().orElseThrow(() -> new AssertionError("no auto-start" + story(run)));
        assertThat(run.timeline().decisions()).as(() -> "no decision reports web01 running on xen-1" + story(run))
                .filteredOn(d -> "web01".equals(d.getVm()) && !d.getDecidedAt().isBefore(autoStarted))
                .anyMatch(d -> "xen-1".equals(d.getNode()) || d.getReason().contains("xen-1"));
    }

    private static ClusterSpec cluster() {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1", RecoveryPolicy.RESTART, true)
                .vm("db01", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
