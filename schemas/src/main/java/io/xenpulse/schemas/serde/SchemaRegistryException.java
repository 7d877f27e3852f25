package io.xenpulse.schemas.serde;

import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry could not be reached, refused a request, or answered something we cannot read.
 *
 * <p>It is a {@link SerializationException}, so Kafka clients and Kafka Streams treat it as a
 * (de)serialization failure (dead-letter handling, exception handlers) rather than an unexpected crash.
 * Messages name the registry URL without credentials and never contain record payloads.
 */
public class SchemaRegistryException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    /** The registry could not be reached or answered something malformed. */
    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    /** The registry answered with an HTTP error; {@code errorCode} is its own code, -1 if it gave none. */
    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status of the registry's answer, empty when it gave none (unreachable, malformed). */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The registry's {@code error_code} (e.g. 40403 schema not found, 409 incompatible), if it sent one. */
    public OptionalInt errorCode() {
        return errorCode < 0 ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }
}
