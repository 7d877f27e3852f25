package io.xenpulse.correlator.rules;

import io.xenpulse.schemas.decision.EvidenceItem;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.SourceStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one observation proves, and what it does not (DESIGN §2 invariant 2).
 *
 * <p>A domain seen running in any listing that answered is alive. A domain's absence proves something only
 * through a listing authoritative for the node's toolstack ({@code xm list} on xend nodes, {@code xl list} or
 * xenstore on xl-only nodes, {@code virsh list} on libvirt nodes) taken while its control path is verifiably
 * healthy (see {@link ControlPathJudge}). A listing through a dead, hung or unverified daemon proves nothing
 * about absence.
 */
public final class ObservationReading {

    static final String HOST_DOMAIN = "Domain-0";

    private final NodeObservation observation;
    private final NodeToolstack toolstack;
    private final ControlPath controlPath;
    private final Set<String> alive = new HashSet<>();
    private final Set<String> dead = new HashSet<>();
    private final Set<String> migrating = new HashSet<>();
    private final Set<String> authoritativelyListed = new HashSet<>();

    private ObservationReading(NodeObservation observation) {
        this.observation = observation;
        this.toolstack = NodeToolstack.of(observation);
        this.controlPath = ControlPathJudge.judge(toolstack, observation);
        for (ListingResult listing : observation.getListings()) {
            if (listing.getStatus() != SourceStatus.OK) {
                continue;
            }
            final boolean authoritative = toolstack.isAuthoritative(listing.getSource());
            for (DomainEntry domain : listing.getDomains()) {
                if (HOST_DOMAIN.equals(domain.getName())) {
                    continue;
                }
                if (domain.getMigrating()) {
                    migrating.add(domain.getName()); // leaving or arriving: alive, whatever state it shows
                    alive.add(domain.getName());
                } else if (isRunning(domain.getState())) {
                    alive.add(domain.getName());
                } else {
                    dead.add(domain.getName());
                }
                if (authoritative) {
                    authoritativelyListed.add(domain.getName());
                }
            }
        }
        dead.removeAll(alive);
    }

    public static ObservationReading of(NodeObservation observation) {
        return new ObservationReading(observation);
    }

    public NodeObservation observation() {
        return observation;
    }

    public ControlPath controlPath() {
        return controlPath;
    }

    NodeToolstack toolstack() {
        return toolstack;
    }

    /** Domains some answering listing shows running (or blocked, paused, migrating): not dead. */
    public Set<String> aliveDomains() {
        return alive;
    }

    /** Whether some listing shows the domain in live migration (leaving or arriving) on this node. */
    public boolean isMigrating(String vm) {
        return migrating.contains(vm);
    }

    /**
     * Whether this observation is positive evidence that the domain is not running on this node: the
     * control path is healthy and the authoritative listing either lacks it or shows it crashed or shut
     * down, and no other listing shows it alive.
     */
    public boolean provesNotRunning(String vm) {
        if (controlPath != ControlPath.HEALTHY || alive.contains(vm)) {
            return false;
        }
        return !authoritativelyListed.contains(vm) || dead.contains(vm);
    }

    /** The evidence items a decision about this node or VM cites from this observation. */
    public List<EvidenceItem> evidence(Optional<String> vm) {
        final List<EvidenceItem> items = new ArrayList<>();
        items.add(item(healthSignal(toolstack), controlPath.name()));
        for (ListingResult listing : observation.getListings()) {
            items.add(item("listing." + listing.getSource(), listing.getStatus().name()));
        }
        vm.ifPresent(name -> items.add(item("domain." + name, domainVerdict(name))));
        return items;
    }

    /** The evidence signal naming the control path's health, e.g. {@code xend.health}. */
    static String healthSignal(NodeToolstack toolstack) {
        return (toolstack == NodeToolstack.NONE ? "toolstack" : toolstack.controlDaemon()) + ".health";
    }

    private String domainVerdict(String vm) {
        if (alive.contains(vm)) {
            return "running";
        }
        if (dead.contains(vm)) {
            return "listed-not-running";
        }
        return "absent";
    }

    private EvidenceItem item(String signal, String value) {
        return new EvidenceItem(observation.getNode(), observation.getSequence(), observation.getObservedAt(),
                signal, value);
    }


    private static boolean isRunning(DomainState state) {
        return switch (state) {
            case RUNNING, BLOCKED, PAUSED, UNKNOWN -> true;
            case SHUTDOWN, CRASHED, DYING -> false;
        };
    }
}
