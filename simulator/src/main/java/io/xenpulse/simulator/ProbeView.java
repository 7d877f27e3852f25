package io.xenpulse.simulator;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a powered-on node's state into what a probe would see (DESIGN §3). On a classic (XM) node: xend's
 * process and its {@code xm info} answer, xenconsoled and xenstored processes, {@code xm list} (through
 * xend: fails when xend is stopped, times out when it hangs) and {@code xl list} (libxl and xenstored only:
 * always lists). On an xl-only node (Xen 4.5 and later, no xend at all): xenconsoled and xenstored, and the
 * {@code xl list} and xenstore listings, as the real probe reports such a host. Listings include
 * {@code Domain-0}, as the real tools do; a domain in live migration is reported with {@code migrating=true}
 * (paused on the receiving node), as the probe reports {@code migrating-NAME}.
 */
final class ProbeView {

    static final String XEND = "xend";
    static final String XENCONSOLED = "xenconsoled";
    static final String XENSTORED = "xenstored";
    static final String DOMAIN_0 = "Domain-0";

    private static final long XM_INFO_MILLIS = 40;
    private static final long XM_LIST_MILLIS = 60;
    private static final long XL_LIST_MILLIS = 15;
    private static final long XENSTORE_MILLIS = 8;
    private static final long REFUSED_MILLIS = 30;

    private ProbeView() {
    }

    static NodeSignals read(Toolstack toolstack, XendDaemon xend, boolean xenconsoledRunning,
            List<HostedDomains.Row> domains, Duration toolTimeout, List<PeerCheck> peers) {
        if (toolstack == Toolstack.XL) {
            return new NodeSignals(
                    List.of(processOnly(XENCONSOLED, xenconsoledRunning), processOnly(XENSTORED, true)),
                    List.of(listing(ListingSource.XL, SourceStatus.OK, XL_LIST_MILLIS, "", entries(domains, false)),
                            listing(ListingSource.XENSTORE, SourceStatus.OK, XENSTORE_MILLIS, "",
                                    entries(domains, true))),
                    toolstack, peers);
        }
        final List<DaemonCheck> daemons = List.of(
                xendCheck(xend, toolTimeout),
                processOnly(XENCONSOLED, xenconsoledRunning),
                processOnly(XENSTORED, true));
        final List<ListingResult> listings = List.of(
                xmList(xend, domains, toolTimeout),
                listing(ListingSource.XL, SourceStatus.OK, XL_LIST_MILLIS, "", entries(domains, false)));
        return new NodeSignals(daemons, listings, toolstack, peers);
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

    private static ListingResult xmList(XendDaemon xend, List<HostedDomains.Row> domains, Duration toolTimeout) {
        return switch (xend.status()) {
            case RUNNING -> listing(ListingSource.XM, SourceStatus.OK, XM_LIST_MILLIS, "", entries(domains, false));
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

    /** xenstore knows which domains exist, not their state: the real probe reports them UNKNOWN. */
    private static List<DomainEntry> entries(List<HostedDomains.Row> domains, boolean stateless) {
        final List<DomainEntry> entries = new ArrayList<>();
        entries.add(entry(DOMAIN_0, 0, stateless ? DomainState.UNKNOWN : DomainState.RUNNING, false));
        for (HostedDomains.Row row : domains) {
            final DomainState state = stateless ? DomainState.UNKNOWN
                    : row.incoming() ? DomainState.PAUSED : DomainState.RUNNING;
            entries.add(entry(row.name(), row.domainId(), state, row.migrating()));
        }
        return entries;
    }

    private static DomainEntry entry(String name, int domainId, DomainState state, boolean migrating) {
        return DomainEntry.newBuilder()
                .setName(name)
                .setState(state)
                .setDomainId(domainId)
                .setMigrating(migrating)
                .build();
    }
}
