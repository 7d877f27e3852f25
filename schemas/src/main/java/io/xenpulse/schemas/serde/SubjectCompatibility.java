package io.xenpulse.schemas.serde;

import io.xenpulse.schemas.topics.XenTopics;
import java.util.List;

/**
 * Puts every xenpulse value subject under BACKWARD compatibility (DESIGN §4): a new schema version must
 * read what the previous one wrote, so consumers can be upgraded before producers. Registries differ in
 * their global default (Apicurio's is NONE), so we set it per subject at provisioning time.
 */
public final class SubjectCompatibility {

    public static final String BACKWARD = "BACKWARD";

    private SubjectCompatibility() {
    }

    /** Returns the subjects it configured. */
    public static List<String> requireBackward(RestSchemaRegistryClient registry, XenTopics topics) {
        final List<String> subjects = List.of(topics.observations().name(), topics.decisions().name(),
                topics.commands().name(), topics.commandResults().name(), topics.inventory().name())
                .stream().map(topic -> topic + "-value").toList();
        subjects.forEach(subject -> registry.setCompatibility(subject, BACKWARD));
        return subjects;
    }
}
