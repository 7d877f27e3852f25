package io.xenpulse.scenarios;

import static io.xenpulse.scenarios.Scenarios.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.invariants.OperatorHolds;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, case 6: no stuck states. A VM suspected just before its node reboots quickly (within the silence
 * bound), or waiting for the confirmation of its stop, is re-evaluated on the new boot: it ends recovered or
 * held for an operator, never waiting for an observation of a boot that is gone.
 */
class QuickRebootScenarioTest extends ScenarioTest {

    @Test
    void shouldNotLeaveAVmSuspectedJustBeforeAQuickRebootStuck() {
        // given: web01 crashes; xen-1's next observation shows it missing once; xen-1 then reboots in 2 s
        run = new ScenarioRun(cluster(RecoveryPolicy.RESTART), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofMillis(20500), "web01 crashes on xen-1", () -> run.cluster().node("xen-1").crashDomain("web01"));
        run.at(Duration.ofMillis(21500), "xen-1 loses power", () -> run.cluster().losePower("xen-1"));
        run.at(Duration.ofMillis(23500), "xen-1 is powered on again", () -> run.cluster().restorePower("xen-1"));

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertRecoveredOrHeld("web01");
    }

    @Test
    void shouldNotLeaveAStopAwaitingConfirmationStuckAcrossAQuickReboot() {
        // given: web01 (relocate policy) crashes; its stop is issued; xen-1 reboots before confirming it
        run = new ScenarioRun(cluster(RecoveryPolicy.RELOCATE), ScenarioTimings.oneSecondProbes(), stateDir);
        run.at(Duration.ofMillis(20500), "web01 crashes on xen-1", () -> run.cluster().node("xen-1").crashDomain("web01"));
        run.at(Duration.ofMillis(22500), "xen-1 loses power", () -> run.cluster().losePower("xen-1"));
        run.at(Duration.ofMillis(24500), "xen-1 is powered on again", () -> run.cluster().restorePower("xen-1"));

        // when
        run.runFor(Duration.ofSeconds(90));

        // then
        assertRecoveredOrHeld("web01");
    }

    private void assertRecoveredOrHeld(String vm) {
        final boolean recovered = !run.cluster().locate(vm).isEmpty();
        final boolean held = OperatorHolds.heldSince(run.timeline().decisions(), vm, "xen-1", run.timeline().start());
        assertThat(recovered || held).as(() -> vm + " is neither running nor held for an operator" + story(run))
                .isTrue();
    }

    private static ClusterSpec cluster(RecoveryPolicy policy) {
        return ClusterSpec.named("c1")
                .node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1", policy, false)
                .vm("db01", "xen-2").vm("app01", "xen-3")
                .build();
    }
}
