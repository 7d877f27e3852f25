package io.xenpulse.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API, so it works with any
 * compatible registry (Confluent, Apicurio's {@code /apis/ccompat/v7}, Karapace, Redpanda).
 *
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions} {@code {"schema": "..."}} registers, answering
 *       {@code {"id": N}};</li>
 *   <li>{@code POST /subjects/{subject}} looks up the id of a schema already registered;</li>
 *   <li>{@code GET /schemas/ids/{id}} fetches a writer schema.</li>
 * </ul>
 *
 * <p>Answers are cached both ways (schema to id per subject, id to schema) for the life of the client, so
 * the registry is asked once per schema, not once per record. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final RegistryHttp http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientSettings settings) {
        this.http = new RegistryHttp(settings);
    }

    /** A client for {@code baseUrl} with default timeouts and no authentication. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(RegistryClientSettings.fromConfig(Map.of(RegistryClientSettings.URL, baseUrl)));
    }

    @Override
    public int register(String subject, Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        final String operation = "register schema " + schema.getFullName() + " under subject '" + subject + "'";
        final JsonNode answer = http.send("POST", "/subjects/" + encode(subject) + "/versions",
                Optional.of(schemaBody(schema)), operation);
        final int id = idFrom(answer, operation);
        LOG.debug("Schema {} registered under subject {} as id {} at {}", schema.getFullName(), subject, id,
                http.urls());
        return remember(subject, schema, id);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        final Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        final String operation = "look up schema " + schema.getFullName() + " under subject '" + subject
                + "' (auto.register.schemas is false, so it must already be registered)";
        final JsonNode answer = http.send("POST", "/subjects/" + encode(subject),
                Optional.of(schemaBody(schema)), operation);
        return remember(subject, schema, idFrom(answer, operation));
    }

    @Override
    public Schema schemaById(int id) {
        final Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        final String operation = "fetch schema id " + id;
        final JsonNode answer = http.send("GET", "/schemas/ids/" + id, Optional.empty(), operation);
        final JsonNode text = answer.path("schema");
        if (!text.isTextual()) {
            throw new SchemaRegistryException("schema registry at " + http.urls() + " answered without a "
                    + "\"schema\" string to " + operation, null);
        }
        final Schema schema = parse(id, text.asText());
        schemasById.putIfAbsent(id, schema);
        return schemasById.get(id);
    }

    /**
     * Sets a subject's compatibility level ({@code PUT /config/{subject}}), e.g. {@code BACKWARD}: new
     * versions must still read data written with the previous one.
     */
    public void setCompatibility(String subject, String level) {
        http.send("PUT", "/config/" + encode(subject), Optional.of(http.toJson(Map.of("compatibility", level))),
                "set compatibility " + level + " for subject '" + subject + "'");
    }

    private Integer cachedId(String subject, Schema schema) {
        final Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private int remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private String schemaBody(Schema schema) {
        return http.toJson(Map.of("schema", schema.toString()));
    }

    private int idFrom(JsonNode answer, String operation) {
        final JsonNode id = answer.path("id");
        if (!id.canConvertToInt()) {
            throw new SchemaRegistryException("schema registry at " + http.urls() + " answered without a "
                    + "numeric \"id\" to " + operation, null);
        }
        return id.asInt();
    }

    private Schema parse(int id, String text) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // Avro reports some bad schemas as SchemaParseException, others (unknown type names) as NPE.
            throw new SchemaRegistryException("schema id " + id + " from registry at " + http.urls()
                    + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        // URLEncoder does form encoding; a path segment needs %20, not '+'.
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
