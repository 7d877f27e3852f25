package io.xenpulse.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: one magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian int, then the record in Avro binary encoding.
 *
 * <p>Every way a payload can be malformed becomes a {@link SerializationException} saying what was wrong
 * (empty, header cut short, which magic byte was found, body cut short or garbled); the payload itself is
 * never put in a message.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /** Writes {@code datum} with {@code writer}, framed with {@code schemaId}. */
    public static <T> byte[] encode(int schemaId, DatumWriter<T> writer, T datum) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write Avro record for schema id " + schemaId + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The writer schema id in the header of {@code payload}.
     *
     * @throws SerializationException if the payload is null, empty, shorter than the header, or does not
     *     start with the magic byte
     */
    public static int schemaId(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new SerializationException("empty payload (" + (payload == null ? "null" : "0 bytes")
                    + "): not a Confluent wire format record");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("unknown magic byte 0x%02x (expected 0x00): not a "
                    + "Confluent wire format record (written by another serializer?)", payload[0] & 0xff));
        }
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("truncated header: " + payload.length + " bytes, the Confluent "
                    + "wire format needs " + HEADER_SIZE + " (magic byte and 4-byte schema id)");
        }
        return ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
    }

    /**
     * Reads the Avro body of {@code payload} (after the header) with {@code reader}, which must have been
     * built for the writer schema named by {@link #schemaId(byte[])}.
     *
     * @throws SerializationException if the body is cut short, garbled, or longer than the record
     */
    public static <T> T decode(byte[] payload, DatumReader<T> reader) {
        final int schemaId = schemaId(payload);
        final BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(payload, HEADER_SIZE, payload.length - HEADER_SIZE, null);
        final T datum;
        try {
            datum = reader.read(null, decoder);
        } catch (AvroTypeException e) {
            throw new SerializationException("schema id " + schemaId + " cannot be read as the expected type: "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // EOFException when cut short; garbled bytes surface as assorted runtime exceptions
            // (negative lengths, bad enum or union indexes, invalid UTF-8...).
            throw new SerializationException("truncated or garbled Avro body (" + (payload.length - HEADER_SIZE)
                    + " bytes) for schema id " + schemaId + ": " + describe(e), e);
        }
        if (!isAtEnd(decoder)) {
            throw new SerializationException("garbled Avro body for schema id " + schemaId + ": bytes left over "
                    + "after the record (written with a different schema than the id says?)");
        }
        return datum;
    }

    private static boolean isAtEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Exception e) {
        final String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
