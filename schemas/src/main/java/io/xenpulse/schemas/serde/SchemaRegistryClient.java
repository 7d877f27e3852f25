package io.xenpulse.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry the serdes need: register a schema under a subject,
 * find the id of one already registered, and fetch a writer schema by id. Implementations cache, so
 * callers may ask on every record.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry is unreachable, refuses the
 * request or answers something malformed.
 */
public interface SchemaRegistryClient {

    /** URL scheme that selects a per-scope in-memory registry (for TopologyTestDriver tests only). */
    String MOCK_SCHEME = "mock://";

    /**
     * Registers {@code schema} under {@code subject} (or finds it if already there) and returns its
     * global id. The registry rejects schemas that break the subject's compatibility rule.
     */
    int register(String subject, Schema schema);

    /** Id of {@code schema} already registered under {@code subject}; it is not registered if missing. */
    int idOf(String subject, Schema schema);

    /** The schema registered with this global id. */
    Schema schemaById(int id);

    /**
     * A client for the registry named by {@link RegistryClientSettings#URL}: an in-memory one shared
     * per scope for {@code mock://<scope>}, the REST client otherwise.
     */
    static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        final RegistryClientSettings settings = RegistryClientSettings.fromConfig(config);
        if (settings.url().startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistryClient.forScope(settings.url().substring(MOCK_SCHEME.length()));
        }
        return new RestSchemaRegistryClient(settings);
    }
}
