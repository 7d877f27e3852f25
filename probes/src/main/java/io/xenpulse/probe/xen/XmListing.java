package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.signals.ListingProbe;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import java.time.Duration;
import java.util.List;

/**
 * The domains as xend sees them, through {@code xm list}. The only listing that goes through xend, so the
 * only one whose OK (with xend's process present and {@code xm info} answering) lets the correlator read a
 * missing domain as gone. xend down gives DOWN with xm's own message (for example
 * {@code Error: Unable to connect to xend: No such file or directory. Is xend running?}).
 */
public final class XmListing implements ListingProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final TableListing listing;

    public XmListing(ToolRunner runner, Duration timeout) {
        this.listing = new TableListing(ListingSource.XM, List.of("xm", "list"), XenListParser.forXm(), runner,
                timeout);
    }

    @Override
    public ListingSource source() {
        return listing.source();
    }

    @Override
    public ListingResult list() {
        return listing.list();
    }
}
