package io.xenpulse.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format records into generated Avro classes. The writer schema comes from the
 * registry by the id in each record's header; the reader schema is the local generated class's, so Avro
 * schema resolution handles evolution (an older writer without a field the reader has with a default, a
 * newer writer with a field the reader does not know).
 *
 * <p>Without a target class (no-arg constructor), the class is the generated one named like the writer
 * schema, as Confluent's {@code specific.avro.reader=true} does. A null payload is read as null (a
 * tombstone); any malformed payload, unknown schema id or incompatible writer schema is a clear
 * {@link SerializationException}. Thread-safe once configured.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Class<T> type;
    private SchemaRegistryClient registry;

    /** For configuration by class name: reads into the class named by each writer schema. */
    public SpecificAvroDeserializer() {
        this(null, null);
    }

    /** Reads into {@code type}; {@link #configure(Map, boolean)} creates the registry client. */
    public SpecificAvroDeserializer(Class<T> type) {
        this(null, type);
    }

    /** Reads into {@code type} (or the writer schema's class if null) using {@code registry}. */
    public SpecificAvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
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
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("SpecificAvroDeserializer used before configure(): no schema registry");
        }
        final int schemaId = ConfluentWireFormat.schemaId(data);
        return ConfluentWireFormat.decode(data, readers.computeIfAbsent(schemaId, this::readerFor));
    }

    private DatumReader<T> readerFor(int schemaId) {
        final Schema writer = registry.schemaById(schemaId);
        final Class<T> target = targetClass(schemaId, writer);
        final Schema reader = SpecificData.get().getSchema(target);
        final SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("schema id " + schemaId + " (" + writer.getFullName()
                    + ") cannot be read as " + target.getName() + ": " + compatibility.getDescription());
        }
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(target));
    }

    @SuppressWarnings("unchecked")
    private Class<T> targetClass(int schemaId, Schema writer) {
        if (type != null) {
            return type;
        }
        final Class<?> named = SpecificData.get().getClass(writer);
        if (named == null || !SpecificRecord.class.isAssignableFrom(named)) {
            throw new SerializationException("schema id " + schemaId + " names " + writer.getFullName()
                    + ", which is not a generated Avro class on the classpath");
        }
        return (Class<T>) named;
    }
}
