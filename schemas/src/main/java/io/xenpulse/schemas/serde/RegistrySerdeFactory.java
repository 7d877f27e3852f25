package io.xenpulse.schemas.serde;

import io.xenpulse.schemas.config.PipelineConnection;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * The {@link SerdeFactory} of every xenpulse component: value serdes that speak the Confluent wire format
 * through a Confluent-compatible schema registry.
 *
 * <p>By default the serdes are our own {@link SpecificAvroSerde}, all sharing one registry client (and so
 * one cache). Configuration, as produced by {@link PipelineConnection#serdeConfig()}:
 * <ul>
 *   <li>{@code schema.registry.url} (required); {@code mock://<scope>} for TopologyTestDriver tests;</li>
 *   <li>{@code auto.register.schemas}, {@code basic.auth.user.info}, {@code http.connect.timeout.ms},
 *       {@code http.read.timeout.ms}: see {@link SpecificAvroSerializer} and {@link RegistryClientSettings};</li>
 *   <li>{@code xenpulse.value.serde} ({@link PipelineConnection#SERDE_CLASS}, optional): a serde class to use
 *       instead of ours.</li>
 * </ul>
 *
 * <h2>Swapping in Confluent's serdes</h2>
 * A site that runs Confluent's own serdes puts {@code io.confluent:kafka-streams-avro-serde} (and its
 * dependencies, from Confluent's Maven repository) on each component's classpath and sets
 * {@code XENPULSE_VALUE_SERDE=io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}. Each value serde
 * is then an instance of that class (public no-arg constructor, implements {@link Serde}), configured with
 * this factory's whole configuration plus {@code specific.avro.reader=true} as a value serde. Both write
 * the same bytes under the same subjects, so components using either can share topics.
 */
public final class RegistrySerdeFactory implements SerdeFactory {

    /** Set for swapped-in serdes so Confluent's deserializer yields generated classes, not GenericRecord. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private final Map<String, Object> config;
    private final Optional<Class<?>> customSerde;
    private SchemaRegistryClient registry;

    private RegistrySerdeFactory(Map<String, Object> config, Optional<Class<?>> customSerde) {
        this.config = Map.copyOf(config);
        this.customSerde = customSerde;
    }

    /**
     * A factory for {@code config}; checks the registry URL is present and a named serde class exists, is a
     * {@link Serde} and has a public no-arg constructor.
     *
     * @throws ConfigException naming the setting that is missing or wrong
     */
    public static RegistrySerdeFactory fromConfig(Map<String, ?> config) {
        final Map<String, Object> copy = new HashMap<>();
        config.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        RegistryClientSettings.fromConfig(copy);
        final Optional<Class<?>> custom = Optional.ofNullable(copy.get(PipelineConnection.SERDE_CLASS))
                .map(Object::toString).map(String::trim).filter(name -> !name.isEmpty())
                .map(RegistrySerdeFactory::serdeClass);
        return new RegistrySerdeFactory(copy, custom);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        if (customSerde.isPresent()) {
            return instantiate(customSerde.get());
        }
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(registry(), type);
        serde.configure(config, false);
        return serde;
    }

    /** The serde class named by configuration, if one replaces ours. */
    public Optional<Class<?>> customSerdeClass() {
        return customSerde;
    }

    private synchronized SchemaRegistryClient registry() {
        if (registry == null) {
            registry = SchemaRegistryClient.fromConfig(config);
        }
        return registry;
    }

    private static Class<?> serdeClass(String name) {
        final Class<?> found;
        try {
            found = Class.forName(name, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException(PipelineConnection.SERDE_CLASS, name, "class not found on the classpath"
                    + " (for Confluent's serde, add io.confluent:kafka-streams-avro-serde and its dependencies)");
        }
        if (!Serde.class.isAssignableFrom(found)) {
            throw new ConfigException(PipelineConnection.SERDE_CLASS, name,
                    "does not implement " + Serde.class.getName());
        }
        try {
            found.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ConfigException(PipelineConnection.SERDE_CLASS, name, "has no public no-arg constructor");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private <T> Serde<T> instantiate(Class<?> serdeClass) {
        final Serde<T> serde;
        try {
            serde = (Serde<T>) serdeClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new KafkaException("constructor of value serde " + serdeClass.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KafkaException("cannot instantiate value serde " + serdeClass.getName(), e);
        }
        final Map<String, Object> serdeConfig = new HashMap<>(config);
        serdeConfig.put(SPECIFIC_AVRO_READER, true);
        serde.configure(serdeConfig, false);
        return serde;
    }

    private static ClassLoader classLoader() {
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RegistrySerdeFactory.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "RegistrySerdeFactory{url=" + RegistryClientSettings.fromConfig(config).urls()
                + ", serde=" + customSerde.map(Class::getName).orElse(SpecificAvroSerde.class.getName()) + "}";
    }
}
