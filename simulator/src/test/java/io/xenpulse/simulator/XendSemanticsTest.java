package io.xenpulse.simulator;

import static io.xenpulse.simulator.Signals.daemon;
import static io.xenpulse.simulator.Signals.listing;
import static io.xenpulse.simulator.Signals.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xenpulse.testkit.MutableClock;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XendSemanticsTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2")
            .vm("web01", "xen-1").vm("db01", "xen-1").vm("mail01", "xen-2")
            .toolTimeout(Duration.ofSeconds(2))
            .build();
    private final SimulatedNode xen1 = cluster.node("xen-1");

    @Test
    void shouldListDomainsThroughXmAndXlWhenEverythingIsHealthy() {
        // when
        final NodeSignals signals = Signals.of(xen1);

        // then
        assertThat(daemon(signals, "xend").getControl()).isEqualTo(SourceStatus.OK);
        assertThat(daemon(signals, "xenconsoled").getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(daemon(signals, "xenstored").getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(names(listing(signals, ListingSource.XM))).containsExactly("Domain-0", "db01", "web01");
        assertThat(names(listing(signals, ListingSource.XL))).containsExactly("Domain-0", "db01", "web01");
    }

    @Test
    void shouldReportXmDownWhileXendIsStoppedButKeepListingDomainsThroughXl() {
        // given
        xen1.stopXend(Duration.ZERO);

        // when
        final NodeSignals signals = Signals.of(xen1);

        // then
        assertThat(daemon(signals, "xend").getProcess()).isEqualTo(ProcessState.ABSENT);
        assertThat(daemon(signals, "xend").getControl()).isEqualTo(SourceStatus.DOWN);
        assertThat(daemon(signals, "xend").getDetail()).isEqualTo(XenMessages.XEND_UNREACHABLE);
        assertThat(listing(signals, ListingSource.XM).getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(listing(signals, ListingSource.XM).getDomains()).isEmpty();
        assertThat(listing(signals, ListingSource.XL).getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(names(listing(signals, ListingSource.XL))).contains("web01", "db01");
        assertThat(xen1.runningDomains()).containsExactlyInAnyOrder("web01", "db01");
    }

    @Test
    void shouldReportXmHungWithTheProcessPresentWhileXendHangs() {
        // given
        xen1.hangXend(Duration.ZERO);

        // when
        final NodeSignals signals = Signals.of(xen1);

        // then
        assertThat(daemon(signals, "xend").getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(daemon(signals, "xend").getControl()).isEqualTo(SourceStatus.HUNG);
        assertThat(daemon(signals, "xend").getLatencyMillis()).isEqualTo(2000);
        assertThat(listing(signals, ListingSource.XM).getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(listing(signals, ListingSource.XL).getStatus()).isEqualTo(SourceStatus.OK);
    }

    @Test
    void shouldHaveTheOperatorRestartXendWhenTheDelayHasPassed() {
        // given
        xen1.stopXend(Duration.ofSeconds(5));

        // when
        clock.advance(Duration.ofMillis(4999));
        final SourceStatus justBefore = daemon(Signals.of(xen1), "xend").getControl();
        clock.advance(Duration.ofMillis(1));
        final SourceStatus after = daemon(Signals.of(xen1), "xend").getControl();

        // then
        assertThat(justBefore).isEqualTo(SourceStatus.DOWN);
        assertThat(after).isEqualTo(SourceStatus.OK);
        assertThat(cluster.actionLog().entries()).last().satisfies(last -> {
            assertThat(last.kind()).isEqualTo(ActionKind.DAEMON_RESTART);
            assertThat(last.origin()).isEqualTo(ActionOrigin.OPERATOR);
            assertThat(last.at()).isEqualTo(T0.plusSeconds(5));
            assertThat(last.succeeded()).isTrue();
        });
    }

    @Test
    void shouldRecordScheduledRestartAtItsOwnTimeEvenWhenNoticedLater() {
        // given
        xen1.stopXend(Duration.ofSeconds(5));

        // when
        clock.advance(Duration.ofSeconds(60));

        // then
        assertThat(cluster.xendOutages()).containsExactly(
                new XendOutage("xen-1", T0, Optional.of(T0.plusSeconds(5))));
    }

    @Test
    void shouldAnswerAgainWhenAHangEnds() {
        // given
        xen1.hangXend(Duration.ofSeconds(10));

        // when
        clock.advance(Duration.ofSeconds(10));

        // then
        assertThat(daemon(Signals.of(xen1), "xend").getControl()).isEqualTo(SourceStatus.OK);
    }

    @Test
    void shouldRefuseEveryRestartOfAnUnrestartableXend() {
        // given
        xen1.makeXendUnrestartable();
        xen1.stopXend(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(6));

        // when
        final ActionOutcome outcome = xen1.restartDaemon("xend");

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("[FAILED]");
        assertThat(daemon(Signals.of(xen1), "xend").getControl()).isEqualTo(SourceStatus.DOWN);
        assertThat(cluster.actionLog().entries())
                .filteredOn(r -> r.kind() == ActionKind.DAEMON_RESTART)
                .extracting(ActionRecord::origin, ActionRecord::succeeded)
                .containsExactly(
                        tuple(ActionOrigin.OPERATOR, false),
                        tuple(ActionOrigin.ACTUATOR, false));
    }

    @Test
    void shouldBringXendBackWhenRestartedAndDropTheStaleOperatorRestart() {
        // given
        xen1.stopXend(Duration.ofSeconds(60));
        assertThat(xen1.restartDaemon("xend").succeeded()).isTrue();
        xen1.stopXend(Duration.ZERO);

        // when
        clock.advance(Duration.ofSeconds(61));

        // then
        assertThat(daemon(Signals.of(xen1), "xend").getControl()).isEqualTo(SourceStatus.DOWN);
    }

    @Test
    void shouldStartXenconsoledAgainWhenXendIsRestarted() {
        // given
        xen1.killXenconsoled();
        assertThat(daemon(Signals.of(xen1), "xenconsoled").getProcess()).isEqualTo(ProcessState.ABSENT);

        // when
        xen1.restartDaemon("xend");

        // then
        assertThat(daemon(Signals.of(xen1), "xenconsoled").getProcess()).isEqualTo(ProcessState.PRESENT);
    }

    @Test
    void shouldRefuseToRestartAnUnknownService() {
        // when
        final ActionOutcome outcome = xen1.restartDaemon("xenfoo");

        // then
        assertThat(outcome).isEqualTo(new ActionOutcome(false, "xenfoo: unrecognized service"));
    }
}
