package io.xenpulse.probe.spool;

import io.xenpulse.schemas.observation.NodeObservation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;

/**
 * How observations are stored in the spool: Avro's single-object encoding (a marker, the 8-byte fingerprint
 * of the writer schema, the Avro binary), which needs no schema registry, since the registry may be down
 * exactly when the spool fills. Every writer schema is kept next to the spool ({@code schemas/<fingerprint>.avsc}),
 * so a probe upgraded to a newer {@code NodeObservation} still reads what the old version spooled.
 */
public final class ObservationCodec {

    private final BinaryMessageEncoder<NodeObservation> encoder = NodeObservation.getEncoder();
    private final BinaryMessageDecoder<NodeObservation> decoder;

    private ObservationCodec(SchemaStore.Cache writerSchemas) {
        this.decoder = NodeObservation.createDecoder(writerSchemas);
    }

    /** Loads the writer schemas kept in {@code schemaDir} and adds the current one if it is new. */
    public static ObservationCodec open(Path schemaDir) throws IOException {
        Files.createDirectories(schemaDir);
        final SchemaStore.Cache writerSchemas = new SchemaStore.Cache();
        try (Stream<Path> files = Files.list(schemaDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avsc")).toList()) {
                writerSchemas.addSchema(new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (AvroRuntimeException e) {
            throw new IOException("a spooled writer schema in " + schemaDir + " is unreadable: " + e.getMessage(), e);
        }
        final Schema current = NodeObservation.getClassSchema();
        final Path file = schemaDir.resolve(HexFormat.of().toHexDigits(
                SchemaNormalization.parsingFingerprint64(current)) + ".avsc");
        if (!Files.exists(file)) {
            AtomicFiles.replace(file, current.toString().getBytes(StandardCharsets.UTF_8), true);
        }
        return new ObservationCodec(writerSchemas);
    }

    public byte[] encode(NodeObservation observation) throws IOException {
        final ByteBuffer buffer = encoder.encode(observation);
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** @throws IOException when the bytes are not an observation or their writer schema is unknown */
    public NodeObservation decode(byte[] payload) throws IOException {
        try {
            return decoder.decode(payload);
        } catch (AvroRuntimeException e) {
            throw new IOException("not a spooled observation: " + e.getMessage(), e);
        }
    }
}
