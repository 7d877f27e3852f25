package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.ResultStatus;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.Toolstack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Records written by producers with another version of a schema are read into the current class. */
class SchemaEvolutionTest {

    private static final String TOPIC = "xen-command-results";
    private static final String SUBJECT = TOPIC + "-value";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SpecificAvroDeserializer<CommandResult> deserializer =
            new SpecificAvroDeserializer<>(registry, CommandResult.class);

    @Test
    void shouldFillDefaultedFieldsWhenWriterSchemaIsOlder() {
        // given: an older CommandResult that had neither powerVerifiedOff nor detail
        final Schema older = withoutFields(CommandResult.getClassSchema(), Set.of("powerVerifiedOff", "detail"));
        final GenericRecord written = resultAs(older);

        // when
        final CommandResult read = deserializer.deserialize(TOPIC, encode(older, written));

        // then
        assertThat(read.getCommandId()).isEqualTo("cmd-1");
        assertThat(read.getStatus()).isEqualTo(ResultStatus.DONE);
        assertThat(read.getStartedAt()).isEqualTo(SampleRecords.AT);
        assertThat(read.getPowerVerifiedOff()).isFalse();
        assertThat(read.getDetail()).isEmpty();
    }

    @Test
    void shouldIgnoreFieldsTheReaderDoesNotKnowWhenWriterSchemaIsNewer() {
        // given: a newer CommandResult with an extra field
        final Schema newer = withExtraField(CommandResult.getClassSchema(), "exitCode");
        final GenericRecord written = resultAs(newer);
        written.put("exitCode", 7);

        // when
        final CommandResult read = deserializer.deserialize(TOPIC, encode(newer, written));

        // then
        assertThat(read).isEqualTo(SampleRecords.result());
    }

    @Test
    void shouldRejectWriterSchemaLackingAFieldWithoutDefault() {
        // given: a writer that never had targetNode, which the reader requires and cannot default
        final Schema incompatible = withoutFields(CommandResult.getClassSchema(), Set.of("targetNode"));
        final byte[] bytes = encode(incompatible, resultAs(incompatible));

        // then
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be read as " + CommandResult.class.getName())
                .hasMessageContaining("targetNode");
    }

    @Test
    void shouldReadAnObservationFromAProbeThatPredatesTheToolstackFieldAsUndeclared() {
        // given: a NodeObservation written by a probe whose schema had no toolstack field
        final Schema older = withoutFields(NodeObservation.getClassSchema(), Set.of("toolstack"));
        final GenericRecord written = new GenericData.Record(older);
        written.put("cluster", "c1");
        written.put("node", "xen-1");
        written.put("bootId", "boot-1");
        written.put("sequence", 7L);
        written.put("observedAt", SampleRecords.AT.toEpochMilli());
        written.put("replayed", false);
        written.put("daemons", List.of());
        written.put("listings", List.of());
        written.put("peers", List.of());
        final SpecificAvroDeserializer<NodeObservation> observations =
                new SpecificAvroDeserializer<>(registry, NodeObservation.class);
        final int id = registry.register("xen-observations-value", older);

        // when
        final NodeObservation read = observations.deserialize("xen-observations",
                ConfluentWireFormat.encode(id, new GenericDatumWriter<>(older), written));

        // then
        assertThat(read.getNode()).isEqualTo("xen-1");
        assertThat(read.getSequence()).isEqualTo(7L);
        assertThat(read.getToolstack()).isEqualTo(Toolstack.UNDECLARED);
    }

    private byte[] encode(Schema writerSchema, GenericRecord record) {
        final int id = registry.register(SUBJECT, writerSchema);
        return ConfluentWireFormat.encode(id, new GenericDatumWriter<>(writerSchema), record);
    }

    /** The sample result, as a generic record of {@code schema} (fields the schema lacks are dropped). */
    private static GenericRecord resultAs(Schema schema) {
        final CommandResult sample = SampleRecords.result();
        final GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (CommandResult.getClassSchema().getField(field.name()) == null) {
                continue;
            }
            final Object value = sample.get(field.name());
            record.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli()
                    : value instanceof Enum<?> symbol ? new GenericData.EnumSymbol(field.schema(), symbol.name())
                    : value);
        }
        return record;
    }

    private static Schema withoutFields(Schema schema, Set<String> dropped) {
        final List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!dropped.contains(field.name())) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return copyWith(schema, fields);
    }

    private static Schema withExtraField(Schema schema, String intField) {
        final List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(intField, Schema.create(Schema.Type.INT), null, 0));
        return copyWith(schema, fields);
    }

    private static Schema copyWith(Schema schema, List<Schema.Field> fields) {
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
