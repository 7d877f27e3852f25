package io.xenpulse.probe.xen;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.signals.ListingProbe;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import java.time.Duration;
import java.util.List;

/**
 * The domains as libxl sees them, through {@code xl list}: hypervisor and xenstored, not xend, so it keeps
 * answering while xend is down. Fails with libxl's own words when it cannot reach the hypervisor or
 * xenstore (for example {@code libxl: error: ...: cannot open libxc handle: ... | cannot init xl context}).
 * A dying domain whose name libxl can no longer read is listed as {@code (null)}, kept as it was printed.
 */
public final class XlListing implements ListingProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final TableListing listing;

    public XlListing(ToolRunner runner, Duration timeout) {
        this.listing = new TableListing(ListingSource.XL, List.of("xl", "list"), XenListParser.forXl(), runner,
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
