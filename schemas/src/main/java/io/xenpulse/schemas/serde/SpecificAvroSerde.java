package io.xenpulse.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro records in the Confluent wire format: {@link SpecificAvroSerializer} and
 * {@link SpecificAvroDeserializer} over one registry client. A drop-in for Confluent's
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}: same configuration keys, same bytes,
 * same subjects.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;
    private SchemaRegistryClient registry;

    /** For configuration by class name; reads into the class named by each writer schema. */
    public SpecificAvroSerde() {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** Reads into {@code type}; {@link #configure(Map, boolean)} creates the registry client. */
    public SpecificAvroSerde(Class<T> type) {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    /** Reads into {@code type} using {@code registry}; ready to use without {@code configure}. */
    public SpecificAvroSerde(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.serializer = new SpecificAvroSerializer<>(registry);
        this.deserializer = new SpecificAvroDeserializer<>(registry, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClient.fromConfig(configs);
        }
        serializer.useRegistryIfUnset(registry);
        deserializer.useRegistryIfUnset(registry);
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
