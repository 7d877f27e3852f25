package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolFailure;
import io.xenpulse.probe.exec.ToolResult;
import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.exec.ToolText;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listing through one table-printing tool: runs it, classifies the outcome, parses the table. Shared
 * by {@link XmListing} and {@link XlListing}, which differ only in the tool and its {@link ListDialect}.
 */
final class TableListing {

    private static final Logger LOG = LoggerFactory.getLogger(TableListing.class);

    private final ListingSource source;
    private final List<String> command;
    private final XenListParser parser;
    private final ToolRunner runner;
    private final Duration timeout;
    /** Why the last unreadable output was unreadable: a repeat is logged at DEBUG, not every interval. */
    private volatile String lastUnreadable = "";

    TableListing(ListingSource source, List<String> command, XenListParser parser, ToolRunner runner,
            Duration timeout) {
        this.source = Objects.requireNonNull(source, "source");
        this.command = List.copyOf(command);
        this.parser = Objects.requireNonNull(parser, "parser");
        this.runner = Objects.requireNonNull(runner, "runner");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(source + " timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    ListingSource source() {
        return source;
    }

    ListingResult list() {
        try {
            return listOnce();
        } catch (RuntimeException e) {
            // the ListingProbe contract: a probe never throws; a bug here must not stop the other sources
            LOG.error("{} listing failed inside the probe", source, e);
            return result(SourceStatus.UNAVAILABLE, 0, ToolText.detail("probe error: " + e), List.of());
        }
    }

    private ListingResult listOnce() {
        final ToolResult outcome = runner.run(command, timeout);
        final long latency = outcome.elapsed().toMillis();
        final Optional<ToolFailure> failure = ToolFailure.of(String.join(" ", command), outcome, timeout);
        if (failure.isPresent()) {
            LOG.debug("{} listing {}: {}", source, failure.get().status(), failure.get().detail());
            return result(failure.get().status(), latency, failure.get().detail(), List.of());
        }
        final ToolResult.Completed done = (ToolResult.Completed) outcome;
        if (done.truncated()) {
            // a cut listing has lost rows, and a lost row would read as a domain that is gone
            return unreadable(latency, "output larger than the probe keeps; listing incomplete", done.stdout());
        }
        final ParseOutcome parsed = parser.parse(done.stdout());
        if (parsed instanceof ParseOutcome.Unreadable bad) {
            return unreadable(latency, bad.reason(), bad.offending());
        }
        lastUnreadable = "";
        return result(SourceStatus.OK, latency, "", ((ParseOutcome.Listed) parsed).domains());
    }

    private ListingResult unreadable(long latency, String reason, String offending) {
        final String detail = String.join(" ", command) + ": " + reason;
        if (reason.equals(lastUnreadable)) {
            LOG.debug("{} listing still unreadable ({}): {}", source, reason, ToolText.sample(offending));
        } else {
            LOG.warn("{} listing unreadable ({}): {}", source, reason, ToolText.sample(offending));
            lastUnreadable = reason;
        }
        return result(SourceStatus.PARSE_ERROR, latency, detail, List.of());
    }

    private ListingResult result(SourceStatus status, long latency, String detail, List<DomainEntry> domains) {
        return ListingResult.newBuilder()
                .setSource(source)
                .setStatus(status)
                .setLatencyMillis(latency)
                .setDetail(detail)
                .setDomains(domains)
                .build();
    }
}
