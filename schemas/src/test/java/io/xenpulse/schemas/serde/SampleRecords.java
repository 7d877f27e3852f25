package io.xenpulse.schemas.serde;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.decision.DecisionAction;
import io.xenpulse.schemas.decision.EvidenceItem;
import io.xenpulse.schemas.inventory.ClusterInventory;
import io.xenpulse.schemas.inventory.DesiredState;
import io.xenpulse.schemas.inventory.RecoveryPolicy;
import io.xenpulse.schemas.inventory.VmSpec;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Instant;
import java.util.List;

/** One realistic record of each topic value type, with every nested type and optional field filled. */
public final class SampleRecords {

    public static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    private SampleRecords() {
    }

    public static NodeObservation observation() {
        return NodeObservation.newBuilder()
                .setCluster("c1").setNode("node-a").setBootId("b-1").setSequence(42).setObservedAt(AT)
                .setDaemons(List.of(DaemonCheck.newBuilder().setDaemon("xend").setProcess(ProcessState.ABSENT)
                        .setControl(SourceStatus.DOWN).setLatencyMillis(12).setDetail("connection refused").build()))
                .setListings(List.of(ListingResult.newBuilder().setSource(ListingSource.XL)
                        .setStatus(SourceStatus.OK).setLatencyMillis(7)
                        .setDomains(List.of(
                                DomainEntry.newBuilder().setName("web01").setState(DomainState.RUNNING)
                                        .setDomainId(3).build(),
                                DomainEntry.newBuilder().setName("db01").setState(DomainState.BLOCKED)
                                        .setMigrating(true).build()))
                        .build()))
                .build();
    }

    public static Decision decision() {
        return Decision.newBuilder()
                .setDecisionId("d-1").setCluster("c1").setNode("node-a").setVm("web01").setDecidedAt(AT)
                .setRule("unknown-while-xend-down").setAction(DecisionAction.NONE)
                .setReason("web01 missing from xm list while xend is down: unknown, not dead")
                .setEvidence(List.of(EvidenceItem.newBuilder().setNode("node-a").setSequence(42)
                        .setObservedAt(AT).setSignal("xend.control").setValue("DOWN").build()))
                .build();
    }

    public static RecoveryCommand command() {
        return RecoveryCommand.newBuilder()
                .setCommandId("cmd-1").setCluster("c1").setKind(CommandKind.RESTART_DAEMON).setTargetNode("node-a")
                .setDaemon("xend").setDecisionId("d-1").setIssuedAt(AT).setExpiresAt(AT.plusSeconds(30))
                .setAttempt(2).build();
    }

    public static CommandResult result() {
        return CommandResult.newBuilder()
                .setCommandId("cmd-1").setCluster("c1").setKind(CommandKind.FENCE_NODE).setTargetNode("node-a")
                .setStatus(ResultStatus.DONE).setPowerVerifiedOff(true).setDetail("fence_dummy: off")
                .setStartedAt(AT).setFinishedAt(AT.plusMillis(1500)).build();
    }

    public static ClusterInventory inventory() {
        return ClusterInventory.newBuilder()
                .setCluster("c1").setNodes(List.of("node-a", "node-b")).setMinHealthyNodes(1)
                .setMaintenanceNodes(List.of("node-b"))
                .setVms(List.of(VmSpec.newBuilder().setName("web01").setHomeNode("node-a")
                        .setPolicy(RecoveryPolicy.RELOCATE).setDesiredState(DesiredState.STOPPED).build()))
                .setUpdatedAt(AT).build();
    }
}
