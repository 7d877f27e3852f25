package io.xenpulse.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the value serdes of every xenpulse topic. The implementation is chosen by configuration, so a
 * site that runs Confluent's own serdes can plug them in instead of ours.
 */
public interface SerdeFactory {

    /** A configured, ready-to-use serde for values of the given generated Avro type. */
    <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
