package io.xenpulse.localstack;

import java.util.Locale;

/** Where the local Apicurio Registry keeps its schemas. */
public enum RegistryStorage {
    /** A journal topic on the local broker: schema ids survive a registry restart. The demo's default. */
    KAFKASQL,
    /** An in-memory database: starts several times faster, forgets everything on restart. For tests. */
    IN_MEMORY;

    /** Parses {@code kafkasql}, {@code in_memory}, {@code in-memory} or {@code memory}, in any case. */
    public static RegistryStorage parse(String text) {
        final String normalized = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "kafkasql" -> KAFKASQL;
            case "in_memory", "memory", "mem" -> IN_MEMORY;
            default -> throw new IllegalArgumentException(
                    "unknown registry storage '" + text + "': expected kafkasql or in_memory");
        };
    }
}
