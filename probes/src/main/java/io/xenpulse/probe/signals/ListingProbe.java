package io.xenpulse.probe.signals;

import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;

/**
 * One source of domain listings on a node ({@code xm list}, {@code xl list}, xenstore, {@code virsh}).
 * Each is independent of the others where the platform allows (only {@code xm} goes through xend).
 */
public interface ListingProbe {

    ListingSource source();

    /**
     * Lists the domains once, within the probe's own timeout. Never throws: every failure is a status of
     * the result (DOWN with the tool's message, HUNG, PARSE_ERROR, UNAVAILABLE).
     */
    ListingResult list();
}
