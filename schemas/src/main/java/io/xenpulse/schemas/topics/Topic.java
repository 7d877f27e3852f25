package io.xenpulse.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic name together with the serdes its keys and values are written with. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }
}
