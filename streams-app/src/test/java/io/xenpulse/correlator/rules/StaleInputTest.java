package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.command.CommandKind;
import io.xenpulse.schemas.command.ResultStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invariants 1 and 3: stale observations, a fenced boot's leftovers and migrations never look like the present. */
class StaleInputTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldIgnoreAnObservationOlderThanTheLastOne() {
        // given: xend down on xen-1
        harness.observe(Observations.from("xen-1", 1));
        harness.observe(Observations.from("xen-1", 3).xendDown());
        // when: an older, healthy observation arrives late
        harness.observe(Observations.from("xen-1", 2));
        // then: the outage is not over
        assertThat(harness.decisionsBy(Rule.DAEMON_RECOVERED)).isEmpty();
        assertThat(harness.state.node("xen-1").orElseThrow().phase()).isEqualTo(NodePhase.DAEMON_DOWN);
    }

    @Test
    void shouldIgnoreWhatAFencedBootStillHadInFlight() {
        // given: xen-1 fell silent, was fenced OFF, and web01 is being started elsewhere
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        for (long s = 1; s <= 31; s++) {
            harness.observe(Observations.from("xen-2", s).running("db01"));
            harness.observe(Observations.from("xen-3", s).running("app01"));
            harness.pass(Duration.ofSeconds(1));
        }
        harness.result(harness.lastCommand(CommandKind.FENCE_NODE), ResultStatus.DONE, true);
        assertThat(harness.commandsOf(CommandKind.RELOCATE_VM)).hasSize(1);
        // when: an observation of the fenced boot, taken before the power went off, still arrives
        harness.observe(Observations.from("xen-1", 2).running("web01"));
        // then
        assertThat(harness.decisionsBy(Rule.VM_SEEN_ELSEWHERE)).isEmpty();
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.RECOVERING);
    }

    @Test
    void shouldNeverConfirmDeadASuspectVmThatIsThenListedMigrating() {
        // given: web01 missing from one healthy listing
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2));
        // when: it is listed migrating, then gone from the source
        harness.observe(Observations.from("xen-1", 3).migrating("web01"));
        harness.observe(Observations.from("xen-1", 4));
        harness.observe(Observations.from("xen-1", 5));
        // then
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.MIGRATING);
        assertThat(harness.vmCommands()).isEmpty();
    }

    @Test
    void shouldNeverConfirmDeadAnUnknownVmThatIsThenListedMigrating() {
        // given: web01 UNKNOWN while xend was down
        harness.observe(Observations.from("xen-1", 1).running("web01"));
        harness.observe(Observations.from("xen-1", 2).xendDown());
        // when: xend is back and lists it migrating, then gone from the source
        harness.observe(Observations.from("xen-1", 3).migrating("web01"));
        harness.observe(Observations.from("xen-1", 4));
        harness.observe(Observations.from("xen-1", 5));
        // then
        assertThat(harness.state.vm("web01").orElseThrow().status()).isEqualTo(VmStatus.MIGRATING);
        assertThat(harness.vmCommands()).isEmpty();
    }
}
