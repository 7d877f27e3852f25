package io.xenpulse.correlator.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xenpulse.correlator.rules.ClusterState;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes the correlator's per-cluster state for the state store and its changelog. JSON of the fields
 * (not getters), so the domain classes stay free of persistence concerns; unknown fields are ignored so an
 * older state written by a previous version still loads.
 */
final class ClusterStateCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    byte[] encode(ClusterState state) {
        try {
            return mapper.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode state of cluster " + state.cluster(), e);
        }
    }

    ClusterState decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, ClusterState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a cluster state from the store", e);
        }
    }
}
