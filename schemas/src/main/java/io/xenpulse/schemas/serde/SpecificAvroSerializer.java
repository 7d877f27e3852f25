package io.xenpulse.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, registering each record's schema under the
 * topic's subject ({@code <topic>-value} or {@code <topic>-key}, Confluent's TopicNameStrategy).
 *
 * <p>Configured like Confluent's {@code KafkaAvroSerializer}: {@code schema.registry.url},
 * {@code auto.register.schemas} (default true; when false the schema must already be registered),
 * {@code basic.auth.user.info}. A null record is written as null (a tombstone). Thread-safe once configured.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Register schemas on first use (true, the default) or require them to be registered already. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    /** For configuration by class name; {@link #configure(Map, boolean)} creates the registry client. */
    public SpecificAvroSerializer() {
    }

    /** Uses {@code registry}; {@link #configure(Map, boolean)} is optional (defaults: auto-register, value). */
    public SpecificAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = booleanSetting(configs, AUTO_REGISTER_SCHEMAS, true);
        if (registry == null) {
            registry = SchemaRegistryClient.fromConfig(configs);
        }
    }

    /** Lets a serde share one registry client (and its caches) between its serializer and deserializer. */
    void useRegistryIfUnset(SchemaRegistryClient shared) {
        if (registry == null) {
            registry = shared;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("SpecificAvroSerializer used before configure(): no schema registry");
        }
        final Schema schema = data.getSchema();
        final String subject = subjectName(topic, isKey);
        final int id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
        return ConfluentWireFormat.encode(id, writers.computeIfAbsent(schema, s -> writerFor(data)), data);
    }

    /** Confluent's TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    public static String subjectName(String topic, boolean isKey) {
        if (topic == null || topic.isBlank()) {
            throw new SerializationException("cannot choose a schema registry subject without a topic name");
        }
        return topic + (isKey ? "-key" : "-value");
    }

    static boolean booleanSetting(Map<String, ?> configs, String key, boolean fallback) {
        final Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        final String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "must be true or false");
    }

    private DatumWriter<T> writerFor(T data) {
        // The class's own SpecificData carries its logical-type conversions (e.g. Instant timestamps).
        return new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForClass(data.getClass()));
    }
}
