package io.xenpulse.scenarios.harness;

import io.xenpulse.scenarios.harness.TargetContext.ControlPathSeen;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per node, the control path as the newest observation the correlator has read showed it. Judged here,
 * independently of the correlator's rules, from what the probe reported: on a classic node xend's process
 * present, {@code xm info} answering and {@code xm list} answering; on an xl-only node {@code xl list}
 * answering.
 */
final class ControlPathReadings {

    private record Reading(Instant observedAt, boolean healthy) {
    }

    private final Map<String, Reading> newest = new HashMap<>();

    void read(NodeObservation observation) {
        final Reading reading = new Reading(observation.getObservedAt(), healthy(observation));
        newest.merge(observation.getNode(), reading,
                (old, now) -> now.observedAt().isBefore(old.observedAt()) ? old : now);
    }

    /** When the newest observation of the node the correlator has read was taken, if it read any. */
    Optional<Instant> newestObservedAt(String node) {
        return Optional.ofNullable(newest.get(node)).map(Reading::observedAt);
    }

    ControlPathSeen seen(String node) {
        final Reading reading = newest.get(node);
        if (reading == null) {
            return ControlPathSeen.NEVER_SEEN;
        }
        return reading.healthy() ? ControlPathSeen.HEALTHY : ControlPathSeen.UNHEALTHY;
    }

    static boolean healthy(NodeObservation observation) {
        if (observation.getToolstack() == Toolstack.XL) {
            return listingAnswered(observation, ListingSource.XL);
        }
        final boolean xendAnswers = observation.getDaemons().stream()
                .filter(d -> d.getDaemon().equals("xend"))
                .anyMatch(ControlPathReadings::answers);
        return xendAnswers && listingAnswered(observation, ListingSource.XM);
    }

    private static boolean answers(DaemonCheck xend) {
        return xend.getProcess() == ProcessState.PRESENT && xend.getControl() == SourceStatus.OK;
    }

    private static boolean listingAnswered(NodeObservation observation, ListingSource source) {
        return observation.getListings().stream()
                .anyMatch((ListingResult l) -> l.getSource() == source && l.getStatus() == SourceStatus.OK);
    }
}
