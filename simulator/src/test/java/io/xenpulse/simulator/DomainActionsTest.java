package io.xenpulse.simulator;

import static io.xenpulse.simulator.Signals.listing;
import static io.xenpulse.simulator.Signals.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.testkit.MutableClock;
import io.xenpulse.schemas.observation.ListingSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DomainActionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2009-06-01T12:00:00Z"));
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2")
            .vm("web01", "xen-1").vm("spare01", "xen-2")
            .build();
    private final SimulatedNode xen1 = cluster.node("xen-1");

    @Test
    void shouldFailStopAndStartWithXmsErrorWhileXendIsDownAndLeaveTheDomainRunning() {
        // given
        xen1.stopXend(Duration.ZERO);

        // when
        final ActionOutcome stop = xen1.stopDomain("web01");
        final ActionOutcome start = xen1.startDomain("web01");

        // then
        assertThat(stop).isEqualTo(new ActionOutcome(false, XenMessages.XEND_UNREACHABLE));
        assertThat(start).isEqualTo(new ActionOutcome(false, XenMessages.XEND_UNREACHABLE));
        assertThat(xen1.runningDomains()).containsExactly("web01");
        assertThat(cluster.actionLog().vmActions()).extracting(ActionRecord::succeeded).containsExactly(false, false);
    }

    @Test
    void shouldTimeOutDomainActionsWhileXendHangs() {
        // given
        xen1.hangXend(Duration.ZERO);

        // when
        final ActionOutcome stop = xen1.stopDomain("web01");

        // then
        assertThat(stop.succeeded()).isFalse();
        assertThat(stop.message()).contains("no answer from xend");
        assertThat(xen1.runningDomains()).containsExactly("web01");
    }

    @Test
    void shouldRefuseToStartADomainThatAlreadyRunsOnThisNodeLikeXmCreate() {
        // when
        final ActionOutcome outcome = xen1.startDomain("web01");

        // then
        assertThat(outcome).isEqualTo(new ActionOutcome(false, "Error: Domain 'web01' already exists with ID '1'"));
    }

    @Test
    void shouldStopAndStartADomainWithANewDomainId() {
        // when
        final ActionOutcome stop = xen1.stopDomain("web01");
        final ActionOutcome start = xen1.startDomain("web01");

        // then
        assertThat(stop.succeeded()).isTrue();
        assertThat(start).isEqualTo(new ActionOutcome(true,
                "Using config file \"/etc/xen/web01\". Started domain web01 (id=2)"));
        assertThat(listing(Signals.of(xen1), ListingSource.XM).getDomains())
                .filteredOn(d -> d.getName().equals("web01"))
                .singleElement().satisfies(d -> assertThat(d.getDomainId()).isEqualTo(2));
    }

    @Test
    void shouldFailToStopADomainThatDoesNotRun() {
        // when
        final ActionOutcome outcome = xen1.stopDomain("spare01");

        // then
        assertThat(outcome).isEqualTo(new ActionOutcome(false, "Error: Domain 'spare01' does not exist."));
    }

    @Test
    void shouldFailToStartAVmWithoutConfiguration() {
        // when
        final ActionOutcome outcome = xen1.startDomain("ghost");

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("config file");
    }

    @Test
    void shouldRemoveACrashedDomainFromEveryListing() {
        // when
        xen1.crashDomain("web01");

        // then
        assertThat(names(listing(Signals.of(xen1), ListingSource.XM))).containsExactly("Domain-0");
        assertThat(names(listing(Signals.of(xen1), ListingSource.XL))).containsExactly("Domain-0");
        assertThat(cluster.locate("web01")).isEmpty();
        assertThat(cluster.actionLog().entries()).last()
                .satisfies(r -> assertThat(r.vm()).contains("web01"))
                .satisfies(r -> assertThat(r.kind()).isEqualTo(ActionKind.VM_CRASH));
    }

    @Test
    void shouldRejectCrashingADomainThatDoesNotRunThere() {
        assertThatThrownBy(() -> xen1.crashDomain("spare01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spare01 does not run on xen-1");
    }
}
