package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants 2 and 9: a control path is HEALTHY only on evidence from the daemon the node actually runs. */
class ControlPathJudgeTest {

    @Test
    void shouldJudgeXlOnlyNodeHealthyFromXenstoreWhenXlListingIsUnavailable() {
        // given: xl could not be run, but the xenstore listing answered
        final NodeObservation observation = observation(List.of(),
                listing(ListingSource.XL, SourceStatus.UNAVAILABLE), listing(ListingSource.XENSTORE, SourceStatus.OK));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XL, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.HEALTHY);
    }

    @Test
    void shouldJudgeXlOnlyNodeUnverifiedWhenNoListingWasAsked() {
        // given
        final NodeObservation observation = observation(List.of(),
                listing(ListingSource.XL, SourceStatus.NOT_CHECKED), listing(ListingSource.XENSTORE, SourceStatus.UNAVAILABLE));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XL, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.UNVERIFIED);
    }

    @Test
    void shouldNotJudgeXlOnlyNodeByAnXendItDoesNotRun() {
        // given: a leftover xend check reports the process absent; xl lists fine
        final NodeObservation observation = observation(List.of(daemon("xend", ProcessState.ABSENT, SourceStatus.DOWN)),
                listing(ListingSource.XL, SourceStatus.OK));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XL, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.HEALTHY);
    }

    @Test
    void shouldNotJudgeXlOnlyNodeByAnXmListingItDoesNotUse() {
        // given: a refused xm listing comes first, the authoritative xl listing answered
        final NodeObservation observation = observation(List.of(),
                listing(ListingSource.XM, SourceStatus.DOWN), listing(ListingSource.XL, SourceStatus.OK));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XL, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.HEALTHY);
    }

    @Test
    void shouldJudgeLibvirtNodeDownWhenLibvirtdIsAbsent() {
        // given: the virsh listing still answered (from a cache), but libvirtd's process is gone
        final NodeObservation observation = observation(
                List.of(daemon("libvirtd", ProcessState.ABSENT, SourceStatus.NOT_CHECKED)),
                listing(ListingSource.VIRSH, SourceStatus.OK));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.LIBVIRT, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.DOWN);
    }

    @Test
    void shouldJudgeXendHungWhenXmListTimesOut() {
        // given: xm info answered, xm list timed out
        final NodeObservation observation = observation(List.of(daemon("xend", ProcessState.PRESENT, SourceStatus.OK)),
                listing(ListingSource.XM, SourceStatus.HUNG));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XM, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.HUNG);
    }

    @Test
    void shouldJudgeXendDownWhenXmListIsRefusedThoughXmInfoAnswered() {
        // given
        final NodeObservation observation = observation(List.of(daemon("xend", ProcessState.PRESENT, SourceStatus.OK)),
                listing(ListingSource.XM, SourceStatus.DOWN));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XM, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.DOWN);
    }

    @Test
    void shouldNotJudgeXendHealthyWhenXmListIsUnreadable() {
        // given: xend answers, but its listing could not be parsed: nothing proves a domain absent
        final NodeObservation observation = observation(List.of(daemon("xend", ProcessState.PRESENT, SourceStatus.OK)),
                listing(ListingSource.XM, SourceStatus.PARSE_ERROR));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XM, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.UNVERIFIED);
    }

    @Test
    void shouldJudgeXmNodeUnverifiedWithoutAnXendCheck() {
        // given: an xm listing but no word on xend itself
        final NodeObservation observation = observation(List.of(), listing(ListingSource.XM, SourceStatus.OK));
        // when
        final ControlPath path = ControlPathJudge.judge(NodeToolstack.XM, observation);
        // then
        assertThat(path).isEqualTo(ControlPath.UNVERIFIED);
    }

    private static NodeObservation observation(List<DaemonCheck> daemons, ListingResult... listings) {
        return NodeObservation.newBuilder(Observations.from("xen-1", 1).build()).setDaemons(daemons)
                .setListings(List.of(listings)).build();
    }

    private static DaemonCheck daemon(String name, ProcessState process, SourceStatus control) {
        return DaemonCheck.newBuilder().setDaemon(name).setProcess(process).setControl(control).build();
    }

    private static ListingResult listing(ListingSource source, SourceStatus status) {
        return ListingResult.newBuilder().setSource(source).setStatus(status).setDomains(List.of()).build();
    }
}
