package io.xenpulse.probe.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.testkit.MutableClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationSpoolTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");
    private static final SpoolLimits ROOMY = new SpoolLimits(1024 * 1024, Duration.ofHours(24), 64 * 1024);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<ObservationSpool> opened = new ArrayList<>();

    @AfterEach
    void closeSpools() throws IOException {
        for (ObservationSpool spool : opened) {
            spool.close();
        }
    }

    private ObservationSpool open(SpoolLimits limits) throws IOException {
        final ObservationSpool spool = ObservationSpool.open(dir, limits, clock);
        opened.add(spool);
        return spool;
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<SpooledRecord> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static void appendAll(ObservationSpool spool, String... texts) throws IOException {
        for (String text : texts) {
            spool.append(T0, payload(text));
        }
    }

    /** Reads and commits everything, batch by batch, as the deliverer does. */
    private static List<String> drain(ObservationSpool spool) throws IOException {
        final List<String> all = new ArrayList<>();
        for (List<SpooledRecord> batch = spool.read(3, 1024); !batch.isEmpty(); batch = spool.read(3, 1024)) {
            all.addAll(texts(batch));
            spool.commit(batch.get(batch.size() - 1).next());
        }
        return all;
    }

    @Test
    void shouldReadRecordsBackInAppendOrderWithTheirTimestamps() throws IOException {
        // given
        final ObservationSpool spool = open(ROOMY);
        spool.append(T0, payload("seq-0"));
        spool.append(T0.plusSeconds(5), payload("seq-1"));

        // when
        final List<SpooledRecord> batch = spool.read(10, 1024);

        // then
        assertThat(texts(batch)).containsExactly("seq-0", "seq-1");
        assertThat(batch).extracting(SpooledRecord::timestamp).containsExactly(T0, T0.plusSeconds(5));
        assertThat(batch.get(1).position()).isEqualTo(batch.get(0).next());
    }

    @Test
    void shouldReadTheSameRecordsAgainUntilTheyAreCommitted() throws IOException {
        // given
        final ObservationSpool spool = open(ROOMY);
        appendAll(spool, "seq-0", "seq-1", "seq-2");

        // when
        final List<SpooledRecord> first = spool.read(2, 1024);
        final List<SpooledRecord> again = spool.read(2, 1024);
        spool.commit(first.get(0).next());
        final List<SpooledRecord> afterCommit = spool.read(10, 1024);

        // then
        assertThat(texts(again)).containsExactly("seq-0", "seq-1");
        assertThat(texts(afterCommit)).containsExactly("seq-1", "seq-2");
    }

    @Test
    void shouldContinueAfterTheCommittedRecordWhenOpenedAgain() throws IOException {
        // given
        final ObservationSpool before = open(ROOMY);
        appendAll(before, "seq-0", "seq-1", "seq-2");
        before.commit(before.read(2, 1024).get(1).next());
        before.close();

        // when
        final ObservationSpool after = open(ROOMY);
        after.append(T0, payload("seq-3"));

        // then
        assertThat(drain(after)).containsExactly("seq-2", "seq-3");
        assertThat(after.pendingBytes()).isZero();
    }

    @Test
    void shouldCutOffATornTailAndAppendAfterTheLastWholeRecord() throws IOException {
        // given a record cut short by a crash after two whole ones
        final ObservationSpool before = open(ROOMY);
        appendAll(before, "seq-0", "seq-1");
        before.close();
        final Path segment = onlySegment();
        final ByteBuffer torn = SegmentFormat.frame(T0.toEpochMilli(), payload("seq-2 never finished"));
        torn.limit(torn.limit() - 5);
        appendBytes(segment, torn);

        // when
        final ObservationSpool after = open(ROOMY);
        after.append(T0, payload("seq-2"));

        // then
        assertThat(drain(after)).containsExactly("seq-0", "seq-1", "seq-2");
    }

    @Test
    void shouldSkipDamagedDataToTheEndOfItsSegmentAndDeliverTheRest() throws IOException {
        // given three records per segment, and a byte of the second record of the first segment flipped
        final long recordBytes = SegmentFormat.RECORD_OVERHEAD + 5;
        final ObservationSpool spool = open(new SpoolLimits(1024 * 1024, Duration.ofHours(24),
                SegmentFormat.HEADER_BYTES + 3 * recordBytes));
        appendAll(spool, "seq-0", "seq-1", "seq-2", "seq-3", "seq-4");
        flipByte(Segment.pathOf(dir, 0), SegmentFormat.HEADER_BYTES + recordBytes + SegmentFormat.RECORD_OVERHEAD);

        // when
        final List<String> delivered = drain(spool);

        // then
        assertThat(delivered).containsExactly("seq-0", "seq-3", "seq-4");
        assertThat(spool.droppedCount()).isEqualTo(1);
    }

    @Test
    void shouldDropTheOldestRecordsBeyondTheSizeLimitAndCountThem() throws IOException {
        // given room for exactly three records of 5 bytes
        final long recordBytes = SegmentFormat.RECORD_OVERHEAD + 5;
        final ObservationSpool spool = open(new SpoolLimits(3 * recordBytes, Duration.ofHours(24), 64 * 1024));

        // when
        appendAll(spool, "seq-0", "seq-1", "seq-2", "seq-3", "seq-4");

        // then
        assertThat(spool.droppedCount()).isEqualTo(2);
        assertThat(spool.pendingBytes()).isEqualTo(3 * recordBytes);
        assertThat(drain(spool)).containsExactly("seq-2", "seq-3", "seq-4");
    }

    @Test
    void shouldDropRecordsOlderThanTheAgeLimitAndCountThem() throws IOException {
        // given
        final ObservationSpool spool = open(new SpoolLimits(1024 * 1024, Duration.ofHours(1), 64 * 1024));
        spool.append(T0, payload("old-0"));
        spool.append(T0.plusSeconds(60), payload("old-1"));
        spool.append(T0.plusSeconds(3000), payload("recent"));

        // when an hour and two minutes have passed since the first
        clock.advance(Duration.ofMinutes(62));

        // then
        assertThat(drain(spool)).containsExactly("recent");
        assertThat(spool.droppedCount()).isEqualTo(2);
    }

    @Test
    void shouldDropARecordLargerThanTheSizeLimitAndKeepTheOthers() throws IOException {
        // given
        final ObservationSpool spool = open(new SpoolLimits(64, Duration.ofHours(1), 64 * 1024));
        spool.append(T0, payload("small"));

        // when
        final boolean spooled = spool.append(T0, new byte[100]);

        // then
        assertThat(spooled).isFalse();
        assertThat(spool.droppedCount()).isEqualTo(1);
        assertThat(drain(spool)).containsExactly("small");
    }

    @Test
    void shouldDeleteSegmentsOnceEverythingInThemIsDelivered() throws IOException {
        // given segments of two records each
        final long recordBytes = SegmentFormat.RECORD_OVERHEAD + 5;
        final ObservationSpool spool = open(new SpoolLimits(1024 * 1024, Duration.ofHours(24),
                SegmentFormat.HEADER_BYTES + 2 * recordBytes));
        appendAll(spool, "seq-0", "seq-1", "seq-2", "seq-3", "seq-4");
        assertThat(segmentFiles()).hasSize(3);

        // when
        drain(spool);

        // then only the segment appends continue in is left
        assertThat(segmentFiles()).containsExactly(Segment.pathOf(dir, 2));
    }

    @Test
    void shouldRefuseASecondSpoolInTheSameDirectory() throws IOException {
        // given
        open(ROOMY);

        // when / then
        assertThatThrownBy(() -> open(ROOMY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another probe");
    }

    @Test
    void shouldDeliverEveryRecordExactlyOnceInOrderWhileAppendsContinue() throws Exception {
        // given small segments, so that reading, rolling and deleting all happen during the race
        final ObservationSpool spool = open(new SpoolLimits(1024 * 1024, Duration.ofHours(24), 256));
        final int count = 2000;

        // when
        final CompletableFuture<Void> appender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                try {
                    spool.append(T0, payload("seq-" + i));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        final List<String> delivered = new ArrayList<>();
        while (delivered.size() < count) {
            spool.awaitRecords(Duration.ofSeconds(5));
            final List<SpooledRecord> batch = spool.read(7, 1024);
            if (!batch.isEmpty()) {
                delivered.addAll(texts(batch));
                spool.commit(batch.get(batch.size() - 1).next());
            } else if (appender.isDone()) {
                break;
            }
        }
        appender.join();

        // then
        assertThat(delivered).containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "seq-" + i).toList());
        assertThat(spool.pendingBytes()).isZero();
        assertThat(spool.droppedCount()).isZero();
    }

    private Path onlySegment() throws IOException {
        assertThat(segmentFiles()).hasSize(1);
        return segmentFiles().get(0);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Segment.idOf(f).isPresent()).sorted().toList();
        }
    }

    private static void appendBytes(Path file, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(bytes);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0xFF)).rewind();
            channel.write(one, position);
        }
    }
}
