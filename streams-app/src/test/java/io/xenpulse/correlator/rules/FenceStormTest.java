package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.decision.DecisionAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 5: no fence storms. */
class FenceStormTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldWithholdFenceWhenHalfTheNodesFallSilentAtOnce() {
        // given: four nodes reporting
        for (int n = 1; n <= 4; n++) {
            harness.observe(Observations.from("xen-" + n, 1).running("vm" + n));
        }
        // when: xen-1 and xen-2 go silent together for a minute
        for (long seq = 2; seq < 62; seq++) {
            harness.observe(Observations.from("xen-3", seq).running("vm3"));
            harness.observe(Observations.from("xen-4", seq).running("vm4"));
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getAction()).isEqualTo(DecisionAction.SUPPRESSED));
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldFenceOneNodeAtATime() {
        // given: five nodes; xen-1 and xen-2 both lose xend for good
        for (int n = 1; n <= 5; n++) {
            harness.observe(Observations.from("xen-" + n, 1).running("vm" + n));
        }
        // when
        for (long seq = 2; seq < 62; seq++) {
            harness.observe(Observations.from("xen-1", seq).xendDown());
            harness.observe(Observations.from("xen-2", seq).xendDown());
            for (int n = 3; n <= 5; n++) {
                harness.observe(Observations.from("xen-" + n, seq).running("vm" + n));
            }
            harness.commandsOf(CommandKind.RESTART_DAEMON).stream()
                    .filter(c -> harness.state.pendingCommands().stream().anyMatch(p -> p.commandId().equals(c.getCommandId())))
                    .forEach(c -> harness.result(c, io.xenpulse.schemas.command.ResultStatus.ERROR_HARD, false));
            harness.pass(Duration.ofSeconds(1));
        }
        // then: only one fence was issued, the other is withheld while it is in flight
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).hasSize(1);
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains("already in flight"));
    }

    @Test
    void shouldWithholdFenceThatWouldLeaveTooFewHealthyNodes() {
        // given: two nodes, inventory requires both... minimum 1 healthy besides the target
        harness.inventory(2, List.of("xen-1", "xen-2", "xen-3"));
        for (int n = 1; n <= 3; n++) {
            harness.observe(Observations.from("xen-" + n, 1).running("vm" + n));
        }
        // when: xen-1 loses xend for good, and xen-2's xend is down too
        for (long seq = 2; seq < 62; seq++) {
            harness.observe(Observations.from("xen-1", seq).xendDown());
            harness.observe(Observations.from("xen-2", seq).xendHung());
            harness.observe(Observations.from("xen-3", seq).running("vm3"));
            harness.commandsOf(CommandKind.RESTART_DAEMON).stream()
                    .filter(c -> harness.state.pendingCommands().stream().anyMatch(p -> p.commandId().equals(c.getCommandId())))
                    .forEach(c -> harness.result(c, io.xenpulse.schemas.command.ResultStatus.ERROR_HARD, false));
            harness.pass(Duration.ofSeconds(1));
        }
        // then
        assertThat(harness.commandsOf(CommandKind.FENCE_NODE)).isEmpty();
        assertThat(harness.decisionsBy(Rule.FENCE_SUPPRESSED)).extracting(d -> d.getReason())
                .anyMatch(r -> r.contains("minimum is 2"));
    }
}
