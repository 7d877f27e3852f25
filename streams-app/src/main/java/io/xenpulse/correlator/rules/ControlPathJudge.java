package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.util.Optional;

/**
 * Judges a node's control path from one observation, by the toolstack the node runs: xend with
 * {@code xm info} and {@code xm list} on classic Xen; xenstored with {@code xl list} (or the xenstore listing)
 * on xl-only hosts; libvirtd with {@code virsh list}. Anything it cannot tell is UNVERIFIED, never HEALTHY.
 */
final class ControlPathJudge {

    private ControlPathJudge() {
    }

    static ControlPath judge(NodeToolstack toolstack, NodeObservation observation) {
        return switch (toolstack) {
            case XM -> judgeXend(observation);
            case XL, LIBVIRT -> judgeByListing(toolstack, observation);
            case NONE -> ControlPath.UNVERIFIED;
        };
    }

    /** xend: process present, {@code xm info} answering and {@code xm list} answering. */
    private static ControlPath judgeXend(NodeObservation observation) {
        final Optional<DaemonCheck> xend = daemon(observation, "xend");
        final Optional<ListingResult> xm = listing(observation, ListingSource.XM);
        if (xend.isEmpty()) {
            return ControlPath.UNVERIFIED;
        }
        final DaemonCheck check = xend.get();
        if (check.getProcess() == ProcessState.ABSENT || check.getControl() == SourceStatus.DOWN) {
            return ControlPath.DOWN;
        }
        if (check.getControl() == SourceStatus.HUNG || xm.map(l -> l.getStatus() == SourceStatus.HUNG).orElse(false)) {
            return ControlPath.HUNG;
        }
        final boolean answered = check.getProcess() == ProcessState.PRESENT && check.getControl() == SourceStatus.OK;
        final boolean listed = xm.map(l -> l.getStatus() == SourceStatus.OK).orElse(false);
        if (answered && listed) {
            return ControlPath.HEALTHY;
        }
        if (xm.map(l -> l.getStatus() == SourceStatus.DOWN).orElse(false)) {
            return ControlPath.DOWN;
        }
        return ControlPath.UNVERIFIED;
    }

    /**
     * Toolstacks without a separate control check: the daemon's process (when the probe checks it) and the
     * first authoritative listing that was asked.
     */
    private static ControlPath judgeByListing(NodeToolstack toolstack, NodeObservation observation) {
        final boolean daemonGone = daemon(observation, toolstack.controlDaemon())
                .map(d -> d.getProcess() == ProcessState.ABSENT).orElse(false);
        if (daemonGone) {
            return ControlPath.DOWN;
        }
        for (ListingSource source : toolstack.authoritative()) {
            final Optional<ListingResult> listing = listing(observation, source);
            if (listing.isEmpty() || !wasAsked(listing.get().getStatus())) {
                continue;
            }
            return switch (listing.get().getStatus()) {
                case OK -> ControlPath.HEALTHY;
                case DOWN -> ControlPath.DOWN;
                case HUNG -> ControlPath.HUNG;
                default -> ControlPath.UNVERIFIED;
            };
        }
        return ControlPath.UNVERIFIED;
    }

    private static boolean wasAsked(SourceStatus status) {
        return status != SourceStatus.UNAVAILABLE && status != SourceStatus.NOT_CHECKED;
    }

    private static Optional<DaemonCheck> daemon(NodeObservation observation, String name) {
        return observation.getDaemons().stream().filter(d -> name.equals(d.getDaemon())).findFirst();
    }

    private static Optional<ListingResult> listing(NodeObservation observation, ListingSource source) {
        return observation.getListings().stream().filter(l -> l.getSource() == source).findFirst();
    }
}
