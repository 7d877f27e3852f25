package io.xenpulse.probe.spool;

import static io.xenpulse.probe.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.Toolstack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationCodecTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldDecodeWhatItEncodedAndKeepItsWriterSchemaOnDisk() throws IOException {
        // given
        final ObservationCodec codec = ObservationCodec.open(dir);
        final NodeObservation original = observation(7, T0);

        // when
        final NodeObservation decoded = codec.decode(codec.encode(original));

        // then
        assertThat(decoded).isEqualTo(original);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> readSchema(f))).containsExactly(NodeObservation.getClassSchema());
        }
    }

    @Test
    void shouldReadAnObservationSpooledByAnOlderProbeWithoutPeersOrToolstack() throws IOException {
        // given an observation written with the schema before peers and toolstack existed, kept in the spool
        final Schema older = withoutFields(NodeObservation.getClassSchema(), "peers", "toolstack");
        Files.writeString(dir.resolve("older.avsc"), older.toString(), StandardCharsets.UTF_8);
        final GenericRecord record = new GenericData.Record(older);
        record.put("cluster", "prod-a");
        record.put("node", "xen-1");
        record.put("bootId", "boot-1");
        record.put("sequence", 3L);
        record.put("observedAt", T0.toEpochMilli());
        record.put("replayed", false);
        record.put("daemons", List.of());
        record.put("listings", List.of());
        final ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(record);

        // when
        final NodeObservation decoded = ObservationCodec.open(dir).decode(toArray(bytes));

        // then
        assertThat(decoded.getSequence()).isEqualTo(3);
        assertThat(decoded.getObservedAt()).isEqualTo(T0);
        assertThat(decoded.getPeers()).isEmpty();
        assertThat(decoded.getToolstack()).isEqualTo(Toolstack.UNDECLARED);
    }

    @Test
    void shouldReportBytesThatAreNotASpooledObservation() throws IOException {
        // given
        final ObservationCodec codec = ObservationCodec.open(dir);

        // when / then
        assertThatThrownBy(() -> codec.decode("not avro".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a spooled observation");
    }

    private static Schema withoutFields(Schema schema, String... dropped) {
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
                schema.getFields().stream().filter(f -> !List.of(dropped).contains(f.name()))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
    }

    private static Schema readSchema(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
