package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.probe.signals.DomainNames;
import io.xenpulse.probe.signals.ListingProbe;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domains xenstored knows on this node: {@code xenstore-list /local/domain} for the domain ids, then
 * {@code xenstore-read /local/domain/<id>/name} for their names. It needs xenstored only, never xend, so it
 * still sees the domains while xend is down or hung. Domain 0 is the host itself ({@code Domain-0}).
 *
 * <p>Every domain's state is UNKNOWN, which the correlator reads as "exists": xenstore holds no run state.
 * The hypervisor does (toolstacks ask it with XEN_SYSCTL_getdomaininfolist), and the one state-like node,
 * {@code ~/control/shutdown}, is a request the toolstack writes for the guest to act on and the guest clears
 * (docs/misc/xenstore-paths.markdown), not a state: an empty value does not mean running, nor a command
 * shut down.
 *
 * <p>Bounded: at most {@code maxDomains} names are read, each call has its own timeout, and the whole listing
 * has a time budget; the listing is HUNG once either runs out. A xenstored that is down makes the tools fail
 * at once with their own message (DOWN) or, on a dom0 where they fall back to the kernel's xenbus device,
 * wait for an answer that never comes (HUNG).
 */
public final class XenstoreListing implements ListingProbe {

    static final String LIST_TOOL = "xenstore-list";
    static final String DOMAINS = "/local/domain";
    public static final int DEFAULT_MAX_DOMAINS = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(XenstoreListing.class);

    private final ToolRunner runner;
    private final Duration callTimeout;
    private final Duration budget;
    private final int maxDomains;
    private final XenstoreNames names;
    private volatile SourceStatus lastStatus;

    /**
     * @param callTimeout how long one xenstore-list or xenstore-read may take
     * @param budget how long the whole listing may take, however many calls it needs
     * @param maxDomains listing more domains than this is a PARSE_ERROR: the probe reads no unbounded lists
     */
    public XenstoreListing(ToolRunner runner, Duration callTimeout, Duration budget, int maxDomains) {
        if (callTimeout.isNegative() || callTimeout.isZero() || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("xenstore timeouts must be positive");
        }
        if (maxDomains < 1) {
            throw new IllegalArgumentException("maxDomains must be positive, got " + maxDomains);
        }
        this.runner = runner;
        this.callTimeout = callTimeout;
        this.budget = budget;
        this.maxDomains = maxDomains;
        this.names = new XenstoreNames(runner, callTimeout);
    }

    @Override
    public ListingSource source() {
        return ListingSource.XENSTORE;
    }

    @Override
    public ListingResult list() {
        final long start = System.nanoTime();
        final Deadline deadline = Deadline.in(budget);
        final Duration timeout = deadline.cap(callTimeout);
        final ToolResult listed = runner.run(List.of(LIST_TOOL, DOMAINS), timeout);
        final Optional<ToolFailure> failed = CallOutcome.failure(listed, LIST_TOOL + " " + DOMAINS, timeout,
                callTimeout);
        final ListingResult.Builder result = failed.isPresent() ? failure(failed.get())
                : fromIds(((ToolResult.Completed) listed).stdout(), deadline);
        final ListingResult done = result.setSource(ListingSource.XENSTORE)
                .setLatencyMillis((System.nanoTime() - start) / 1_000_000)
                .build();
        logChange(done);
        return done;
    }

    private ListingResult.Builder fromIds(String output, Deadline deadline) {
        final List<Integer> ids;
        try {
            ids = XenstoreText.domainIds(output);
        } catch (UnreadableOutput e) {
            LOG.warn("{} output unreadable ({}); it begins: {}", LIST_TOOL, e.getMessage(),
                    ToolText.sample(output));
            return failure(new ToolFailure(SourceStatus.PARSE_ERROR,
                    LIST_TOOL + " output unreadable: " + e.getMessage()));
        }
        if (ids.size() > maxDomains) {
            return failure(new ToolFailure(SourceStatus.PARSE_ERROR, ids.size() + " domains listed, more than the "
                    + maxDomains + " the probe reads"));
        }
        final XenstoreNames.Outcome outcome = names.read(ids, deadline);
        if (outcome instanceof XenstoreNames.Outcome.Failed failedRead) {
            return failure(failedRead.failure());
        }
        return named(ids, (XenstoreNames.Outcome.Names) outcome);
    }

    private static ListingResult.Builder named(List<Integer> ids, XenstoreNames.Outcome.Names read) {
        final List<DomainEntry> domains = new ArrayList<>(ids.size());
        final List<Integer> nameless = new ArrayList<>();
        for (Integer id : ids) {
            final String name = read.byId().get(id);
            if (name == null) {
                continue;
            }
            if (name.isEmpty()) {
                nameless.add(id);
                continue;
            }
            domains.add(entry(id, name));
        }
        final List<String> notes = new ArrayList<>();
        if (!read.vanished().isEmpty()) {
            notes.add(idsText(read.vanished()) + " gone between list and read");
        }
        if (!nameless.isEmpty()) {
            notes.add(idsText(nameless) + " without a name yet");
        }
        return ListingResult.newBuilder().setStatus(SourceStatus.OK).setDomains(domains)
                .setDetail(ToolText.bounded(String.join("; ", notes), ToolText.MAX_DETAIL));
    }

    private static DomainEntry entry(int id, String name) {
        return DomainNames.read(name).entry()
                .setState(DomainState.UNKNOWN)
                .setDomainId(id)
                .build();
    }

    private static String idsText(List<Integer> ids) {
        return (ids.size() == 1 ? "domain " : "domains ")
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static ListingResult.Builder failure(ToolFailure failure) {
        return ListingResult.newBuilder().setStatus(failure.status())
                .setDetail(failure.detail());
    }

    private void logChange(ListingResult result) {
        final SourceStatus previous = lastStatus;
        lastStatus = result.getStatus();
        if (previous != result.getStatus()) {
            LOG.info("xenstore listing is {} ({} domains){}", result.getStatus(), result.getDomains().size(),
                    result.getDetail().isEmpty() ? "" : ": " + result.getDetail());
        }
    }
}
