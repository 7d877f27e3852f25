package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a powered-on node's state into what a probe would see (DESIGN §3): xend's process and its
 * {@code xm info} answer, xenconsoled and xenstored processes, {@code xm list} (through xend: fails when
 * xend is stopped, times out when it hangs) and {@code xl list} (libxl and xenstored only: always lists).
 * Both listings include {@code Domain-0}, as the real tools do.
 */
final class ProbeView {

    static final String XEND = "xend";
    static final String XENCONSOLED = "xenconsoled";
    static final String XENSTORED = "xenstored";
    static final String DOMAIN_0 = "Domain-0";

    private static final long XM_INFO_MILLIS = 40;
    private static final long XM_LIST_MILLIS = 60;
    private static final long XL_LIST_MILLIS = 15;
    private static final long REFUSED_MILLIS = 30;

    private ProbeView() {
    }

    static NodeSignals read(XendDaemon xend, boolean xenconsoledRunning, Map<String, Integer> domains,
            Duration toolTimeout) {
        final List<DaemonCheck> daemons = List.of(
                xendCheck(xend, toolTimeout),
                processOnly(XENCONSOLED, xenconsoledRunning),
                processOnly(XENSTORED, true));
        final List<ListingResult> listings = List.of(
                xmList(xend, domains, toolTimeout),
                listing(ListingSource.XL, SourceStatus.OK, XL_LIST_MILLIS, "", entries(domains)));
        return new NodeSignals(daemons, listings);
    }

    private static DaemonCheck xendCheck(XendDaemon xend, Duration toolTimeout) {
        final DaemonCheck.Builder check = DaemonCheck.newBuilder()
                .setDaemon(XEND)
                .setProcess(xend.processPresent() ? ProcessState.PRESENT : ProcessState.ABSENT);
        return switch (xend.status()) {
            case RUNNING -> check.setControl(SourceStatus.OK).setLatencyMillis(XM_INFO_MILLIS).build();
            case STOPPED -> check.setControl(SourceStatus.DOWN).setLatencyMillis(REFUSED_MILLIS)
                    .setDetail(XenMessages.XEND_UNREACHABLE).build();
            case HUNG -> check.setControl(SourceStatus.HUNG).setLatencyMillis(toolTimeout.toMillis())
                    .setDetail(XenMessages.xendTimeout("xm info", toolTimeout)).build();
        };
    }

    private static DaemonCheck processOnly(String daemon, boolean running) {
        return DaemonCheck.newBuilder()
                .setDaemon(daemon)
                .setProcess(running ? ProcessState.PRESENT : ProcessState.ABSENT)
                .setControl(SourceStatus.NOT_CHECKED)
                .build();
    }

    private static ListingResult xmList(XendDaemon xend, Map<String, Integer> domains, Duration toolTimeout) {
        return switch (xend.status()) {
            case RUNNING -> listing(ListingSource.XM, SourceStatus.OK, XM_LIST_MILLIS, "", entries(domains));
            case STOPPED -> listing(ListingSource.XM, SourceStatus.DOWN, REFUSED_MILLIS,
                    XenMessages.XEND_UNREACHABLE, List.of());
            case HUNG -> listing(ListingSource.XM, SourceStatus.HUNG, toolTimeout.toMillis(),
                    XenMessages.xendTimeout("xm list", toolTimeout), List.of());
        };
    }

    private static ListingResult listing(ListingSource source, SourceStatus status, long latencyMillis,
            String detail, List<DomainEntry> domains) {
        return ListingResult.newBuilder()
                .setSource(source)
                .setStatus(status)
                .setLatencyMillis(latencyMillis)
                .setDetail(detail)
                .setDomains(domains)
                .build();
    }

    private static List<DomainEntry> entries(Map<String, Integer> domains) {
        final List<DomainEntry> entries = new ArrayList<>();
        entries.add(entry(DOMAIN_0, 0));
        domains.forEach((name, id) -> entries.add(entry(name, id)));
        return entries;
    }

    private static DomainEntry entry(String name, int domainId) {
        return DomainEntry.newBuilder()
                .setName(name)
                .setState(DomainState.RUNNING)
                .setDomainId(domainId)
                .setMigrating(false)
                .build();
    }
}
