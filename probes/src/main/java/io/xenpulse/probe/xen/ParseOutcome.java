package io.xenpulse.probe.xen;

import io.xenpulse.schemas.observation.DomainEntry;
import java.util.List;

/** What {@link XenListParser} made of a tool's output: every domain, or why none can be trusted. */
public sealed interface ParseOutcome {

    /** Every row of the listing, in the tool's order. */
    record Listed(List<DomainEntry> domains) implements ParseOutcome {

        public Listed {
            domains = List.copyOf(domains);
        }
    }

    /**
     * @param reason short and fixed (no tool text), fit for a result's detail
     * @param offending the text that could not be read, for a bounded log sample only
     */
    record Unreadable(String reason, String offending) implements ParseOutcome {
    }
}
