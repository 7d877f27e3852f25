package io.xenpulse.scenarios.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.scenarios.harness.ClusterSpec;
import io.xenpulse.scenarios.harness.ScenarioRun;
import io.xenpulse.scenarios.harness.ScenarioTimings;
import io.xenpulse.scenarios.harness.TargetContext;
import io.xenpulse.scenarios.harness.TargetContext.ControlPathSeen;
import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.observation.NodeObservation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each invariant can fail: a healthy run with one breach put in by hand (on the simulator, or recorded as if
 * the pipeline had published it) is flagged, and the same run without the breach is not.
 */
class SafetyInvariantsTest {

    private static final TargetContext HEALTHY_TARGET =
            new TargetContext(true, true, true, true, false, ControlPathSeen.HEALTHY);

    @TempDir
    Path stateDir;

    private ScenarioRun run;

    @BeforeEach
    void runAHealthyCluster() {
        run = new ScenarioRun(ClusterSpec.named("c1").node("xen-1").node("xen-2").node("xen-3")
                .vm("web01", "xen-1", RecoveryPolicy.RESTART, true).vm("db01", "xen-2").build(),
                ScenarioTimings.oneSecondProbes(), stateDir);
        run.runFor(Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void shouldHoldOnAHealthyRun() {
        assertThat(SafetyInvariants.check(run)).isEmpty();
    }

    @Test
    void shouldFlagAVmTheActuatorStartedWhileItRanElsewhere() {
        // when
        run.cluster().node("xen-2").startDomain("web01");

        // then
        assertThat(new NoDoubleRun().check(run)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("ACTUATOR start on xen-2"));
    }

    @Test
    void shouldFlagAnAutoStartedDoubleRunUntilADecisionReportsIt() {
        // given: web01 moved to xen-2 while xen-1 was off; xen-1 boots and /etc/xen/auto starts it again
        run.cluster().losePower("xen-1");
        run.cluster().node("xen-2").startDomain("web01");
        run.cluster().restorePower("xen-1");
        final NoDoubleRun invariant = new NoDoubleRun();
        assertThat(invariant.check(run)).as("nothing could show it yet").isEmpty();
        run.markRead(NodeObservation.newBuilder().setCluster("c1").setNode("xen-1").setBootId("boot-2")
                .setSequence(1).setObservedAt(run.now()).build());
        assertThat(invariant.check(run)).hasSize(1);

        // when
        run.timeline().decision(decision("web01", "xen-1", "vm-running-twice", DecisionAction.NONE,
                "web01 runs on xen-1 and xen-2"));

        // then
        assertThat(invariant.check(run)).isEmpty();
    }

    @Test
    void shouldFlagAVmCommandIssuedWhenTheLastObservationShowedTheControlPathDown() {
        // when
        run.timeline().command(command(CommandKind.RESTART_VM, "xen-1", "web01"), run.now(),
                new TargetContext(true, true, false, true, false, ControlPathSeen.UNHEALTHY));
        run.timeline().command(command(CommandKind.RESTART_VM, "xen-2", "db01"), run.now(), HEALTHY_TARGET);

        // then
        assertThat(new NoVmActionThroughUnhealthyControlPath().check(run)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("web01 on xen-1"));
    }

    @Test
    void shouldFlagAFenceOfAReachableNodeWhoseProbeOnlyStopped() {
        // when
        run.timeline().command(command(CommandKind.FENCE_NODE, "xen-2", null), run.now(),
                new TargetContext(true, true, true, true, true, ControlPathSeen.HEALTHY));
        run.timeline().command(command(CommandKind.FENCE_NODE, "xen-3", null), run.now(),
                new TargetContext(true, false, true, false, false, ControlPathSeen.HEALTHY));

        // then
        assertThat(new NoFenceOfNodeOnlyItsProbeLost().check(run)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("xen-2"));
    }

    @Test
    void shouldFlagAFenceWithinTheLostBoundAfterTheCorrelatorResumed() {
        // given
        final Instant resumed = run.now();
        run.timeline().pause(resumed.minusSeconds(15), resumed);
        final Duration lostAfter = run.timings().policy().nodeLostAfter();

        // when
        run.timeline().command(command(CommandKind.FENCE_NODE, "xen-2", null), resumed.plus(lostAfter).minusMillis(100),
                HEALTHY_TARGET);
        run.timeline().command(command(CommandKind.FENCE_NODE, "xen-3", null), resumed.plus(lostAfter).plusMillis(100),
                HEALTHY_TARGET);

        // then
        assertThat(new NoFenceWhileCatchingUp().check(run)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("xen-2"));
    }

    @Test
    void shouldFlagAVmLeftDownUntilADecisionHoldsItForAnOperator() {
        // given: db01 crashes and, in this test, the correlator is not told
        run.cluster().node("xen-2").crashDomain("db01");
        final NoStuckIncident invariant = new NoStuckIncident();
        assertThat(invariant.check(run)).singleElement().satisfies(v -> assertThat(v.detail()).contains("db01"));

        // when
        run.timeline().decision(decision("db01", "xen-2", "vm-held", DecisionAction.NONE,
                "db01 failed 3 times in 10 minutes: an operator must look"));

        // then
        assertThat(invariant.check(run)).isEmpty();
    }

    private Decision decision(String vm, String node, String rule, DecisionAction action, String reason) {
        return Decision.newBuilder().setDecisionId("test/" + rule).setCluster("c1").setNode(node).setVm(vm)
                .setDecidedAt(run.now()).setRule(rule).setAction(action).setReason(reason).build();
    }

    private RecoveryCommand command(CommandKind kind, String node, String vm) {
        return RecoveryCommand.newBuilder().setCommandId("c1/" + node + "/" + kind + "/test").setCluster("c1")
                .setKind(kind).setTargetNode(node).setVm(vm).setDecisionId("test").setIssuedAt(run.now())
                .setExpiresAt(run.now().plusSeconds(30)).build();
    }
}
