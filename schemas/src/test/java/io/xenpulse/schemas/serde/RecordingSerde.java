package io.xenpulse.schemas.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A stand-in for a site's own serde class (e.g. Confluent's): remembers how it was configured. */
public class RecordingSerde implements Serde<Object> {

    private Map<String, Object> configs;
    private Boolean isKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.configs = new HashMap<>(configs);
        this.isKey = isKey;
    }

    public Map<String, Object> configs() {
        return configs;
    }

    public Boolean isKey() {
        return isKey;
    }

    @Override
    public Serializer<Object> serializer() {
        return (topic, data) -> new byte[0];
    }

    @Override
    public Deserializer<Object> deserializer() {
        return (topic, data) -> null;
    }
}
