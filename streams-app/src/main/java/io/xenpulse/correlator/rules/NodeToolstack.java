package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import java.util.List;

/**
 * The toolstack a node runs, and what follows from it: which daemon is its control path, whether that daemon
 * may be restarted, and which listings are authoritative for a domain's absence (DESIGN §2 invariants 2 and 9).
 * A daemon the node does not run is never judged, restarted or a reason to fence.
 */
enum NodeToolstack {
    /** Classic Xen: xend, and {@code xm list} through it. */
    XM("xend", true, List.of(ListingSource.XM)),
    /**
     * Xen 4.5 and later: libxl over xenstored, no xend. xenstored is never restarted: Xen's own init scripts
     * refuse to, as a restarted xenstored loses the running domains' state.
     */
    XL("xenstored", false, List.of(ListingSource.XL, ListingSource.XENSTORE)),
    /** libvirt: libvirtd, and {@code virsh list}. */
    LIBVIRT("libvirtd", true, List.of(ListingSource.VIRSH)),
    /** No usable listing source: a configuration problem, never a failing daemon. */
    NONE("", false, List.of());

    private final String controlDaemon;
    private final boolean restartable;
    private final List<ListingSource> authoritative;

    NodeToolstack(String controlDaemon, boolean restartable, List<ListingSource> authoritative) {
        this.controlDaemon = controlDaemon;
        this.restartable = restartable;
        this.authoritative = authoritative;
    }

    String controlDaemon() {
        return controlDaemon;
    }

    /** How messages name the control path: the daemon, or the lack of any listing tool. */
    String label() {
        return this == NONE ? "the node's toolstack (no listing tool found)" : controlDaemon;
    }

    boolean restartable() {
        return restartable;
    }

    /** Listings whose answer, through a healthy control path, proves a domain absent. In order of preference. */
    List<ListingSource> authoritative() {
        return authoritative;
    }

    boolean isAuthoritative(ListingSource source) {
        return authoritative.contains(source);
    }

    /** The toolstack the probe declared, or, for a probe that predates the field, what its report implies. */
    static NodeToolstack of(NodeObservation observation) {
        return switch (observation.getToolstack()) {
            case XM -> XM;
            case XL -> XL;
            case LIBVIRT -> LIBVIRT;
            case NONE -> NONE;
            case UNDECLARED -> inferred(observation);
        };
    }

    private static NodeToolstack inferred(NodeObservation observation) {
        if (observation.getDaemons().stream().map(DaemonCheck::getDaemon).anyMatch("xend"::equals)
                || lists(observation, ListingSource.XM)) {
            return XM;
        }
        if (lists(observation, ListingSource.XL) || lists(observation, ListingSource.XENSTORE)) {
            return XL;
        }
        return lists(observation, ListingSource.VIRSH) ? LIBVIRT : NONE;
    }

    private static boolean lists(NodeObservation observation, ListingSource source) {
        return observation.getListings().stream().map(ListingResult::getSource).anyMatch(source::equals);
    }
}
