package io.xenpulse.probe.signals;

import io.xenpulse.schemas.observation.DomainEntry;

/**
 * The rule every listing source applies to the names it lists: a domain listed as {@code migrating-NAME}
 * is NAME in live migration (the name xend gives the departing domain; DESIGN.md §3), reported as NAME with
 * {@code migrating} set, so the correlator sees one domain moving rather than an unknown one appearing.
 * The bare prefix is a name like any other. Markers only one tool prints (xl's {@code NAME--incoming})
 * stay with that tool.
 */
public final class DomainNames {

    public static final String MIGRATING_PREFIX = "migrating-";

    private DomainNames() {
    }

    /**
     * A listed name read.
     *
     * @param name the domain's own name, without a migration marker
     * @param migrating whether the listed name said the domain is in live migration
     */
    public record Listed(String name, boolean migrating) {

        /** A domain entry with this name and migration flag; the caller adds state and id. */
        public DomainEntry.Builder entry() {
            return DomainEntry.newBuilder().setName(name).setMigrating(migrating);
        }
    }

    /** {@code listed} as the domain's own name and whether it is migrating. */
    public static Listed read(String listed) {
        if (listed.startsWith(MIGRATING_PREFIX) && listed.length() > MIGRATING_PREFIX.length()) {
            return new Listed(listed.substring(MIGRATING_PREFIX.length()), true);
        }
        return new Listed(listed, false);
    }
}
