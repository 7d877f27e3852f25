package io.xenpulse.probe.xen;

import io.xenpulse.probe.signals.DomainNames;
import io.xenpulse.schemas.observation.DomainState;

/**
 * Where {@code xm list} and {@code xl list} differ although they print the same table (see
 * {@code emulators/SOURCES.md} in the test resources for the sources of each rule):
 * <ul>
 *   <li>the fifth state flag: xm prints {@code c} for crashed; xl prints the shutdown reason there
 *       ({@code -} poweroff, {@code r} reboot, {@code s} suspend, {@code c} crash, {@code w} watchdog,
 *       {@code S} soft reset, {@code ?} unknown), so a crashed domain reads {@code ---sc-} or {@code --psc-};</li>
 *   <li>the ID column: xm leaves it blank for a domain xend manages but has not started; xl always prints it;</li>
 *   <li>names during live migration: xend renames the source domain {@code migrating-NAME} (the rule every
 *       source shares, {@link DomainNames}); xl also names the incoming domain {@code NAME--incoming} on the
 *       target and the departing one {@code NAME--migratedaway} on the source.</li>
 * </ul>
 */
enum ListDialect {

    XM("c-"),
    XL("-rscwS?");

    private static final String[] XL_MIGRATION_SUFFIXES = {"--incoming", "--migratedaway"};
    private static final String[] FIXED_FLAGS = {"r-", "b-", "p-", "s-", null, "d-"};

    private final String fifthFlag;

    ListDialect(String fifthFlag) {
        this.fifthFlag = fifthFlag;
    }

    /** Six characters, each one its position's letter or {@code -}. */
    boolean validFlags(String flags) {
        if (flags.length() != FIXED_FLAGS.length) {
            return false;
        }
        for (int i = 0; i < flags.length(); i++) {
            final String allowed = FIXED_FLAGS[i] == null ? fifthFlag : FIXED_FLAGS[i];
            if (allowed.indexOf(flags.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One state for a set of flags, the most final first: dying, crashed, shut down, paused, running,
     * blocked. {@code ------} is a domain between states (being created, or its vcpus between runs)
     * and stays UNKNOWN, which the correlator counts as possibly alive; only xm's row without an ID
     * (a managed domain with no hypervisor domain at all) is SHUTDOWN.
     */
    DomainState stateOf(String flags, boolean hasId) {
        if (flags.charAt(5) == 'd') {
            return DomainState.DYING;
        }
        if (crashed(flags)) {
            return DomainState.CRASHED;
        }
        if (flags.charAt(3) == 's') {
            return DomainState.SHUTDOWN;
        }
        if (flags.charAt(2) == 'p') {
            return DomainState.PAUSED;
        }
        if (flags.charAt(0) == 'r') {
            return DomainState.RUNNING;
        }
        if (flags.charAt(1) == 'b') {
            return DomainState.BLOCKED;
        }
        return hasId ? DomainState.UNKNOWN : DomainState.SHUTDOWN;
    }

    boolean idMayBeBlank() {
        return this == XM;
    }

    /** The domain's own name, without the marker a live migration adds, and whether it had one. */
    DomainNames.Listed read(String listed) {
        final DomainNames.Listed shared = DomainNames.read(listed);
        if (shared.migrating() || this != XL) {
            return shared;
        }
        for (String suffix : XL_MIGRATION_SUFFIXES) {
            if (listed.endsWith(suffix) && listed.length() > suffix.length()) {
                return new DomainNames.Listed(listed.substring(0, listed.length() - suffix.length()), true);
            }
        }
        return shared;
    }

    private boolean crashed(String flags) {
        return this == XM ? flags.charAt(4) == 'c' : flags.charAt(3) == 's' && flags.charAt(4) == 'c';
    }
}
