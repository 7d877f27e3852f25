package io.xenpulse.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory, selected by {@code schema.registry.url=mock://<scope>} as Confluent's serdes
 * do: every client of one scope shares one registry, so a test's serializers and deserializers agree on
 * ids. For {@code TopologyTestDriver} unit tests only: it checks no compatibility and forgets everything
 * when the JVM exits. Ids are global and the same schema gets the same id under every subject, as in a
 * real registry. Thread-safe.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    /** A registry of its own, shared with nobody. */
    public InMemorySchemaRegistryClient() {
        // nothing to set up
    }

    /** The registry shared by every client of {@code scope}, created on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the registry of {@code scope}, so the next test using that scope starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        final int id = idsBySchema.computeIfAbsent(schema, s -> idsBySchema.size() + 1);
        schemasById.putIfAbsent(id, schema);
        final List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        final List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (!versions.contains(schema)) {
            throw new SchemaRegistryException("in-memory schema registry has no schema " + schema.getFullName()
                    + " under subject '" + subject + "' (error_code 40403)", 404, 40403);
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        final Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("in-memory schema registry has no schema with id " + id
                    + " (error_code 40403)", 404, 40403);
        }
        return schema;
    }

    /** Every version registered under {@code subject}, oldest first. */
    public synchronized List<Schema> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }
}
