package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.probe.spool.FileSequenceCheckpoint;
import io.xenpulse.probe.spool.ObservationCodec;
import io.xenpulse.probe.spool.ObservationSpool;
import io.xenpulse.probe.spool.SpoolLimits;
import io.xenpulse.probe.spool.SpooledRecord;
import io.xenpulse.testkit.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a probe is put together, without a broker: nothing listens on the bootstrap address. */
class ProbeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path spoolDir;

    private static ProbeConfig config(String node, String... extra) {
        final Map<String, String> env = new HashMap<>(Map.of(
                ProbeConfig.CLUSTER, "prod-a",
                ProbeConfig.NODE, node,
                ProbeConfig.INTERVAL, "50ms",
                "XENPULSE_SPOOL_FLUSH_TIMEOUT", "0s",
                "XENPULSE_BOOTSTRAP_SERVERS", "127.0.0.1:9",
                "XENPULSE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:9/apis/ccompat/v7"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return ProbeConfig.fromMap(env);
    }

    private long lastSequence() {
        return new FileSequenceCheckpoint(spoolDir.resolve("sequence")).lastUsed("boot-1");
    }

    @Test
    void shouldContinueTheSequenceOfTheSameBootAfterARestartAndKeepWhatItCouldNotDeliver() throws IOException {
        // given a probe that observed a few times without a broker, then stopped
        final ProbeConfig config = config("xen-1", "XENPULSE_SPOOL_DIR", spoolDir.toString());
        try (Probe first = Probe.start(config, new ScriptedSource(), Clock.systemUTC())) {
            Eventually.await(WAIT, "three observations", () -> lastSequence() >= 2);
        }
        final long lastBeforeRestart = lastSequence();

        // when it starts again within the same boot
        try (Probe second = Probe.start(config, new ScriptedSource(), Clock.systemUTC())) {
            Eventually.await(WAIT, "an observation after the restart", () -> lastSequence() > lastBeforeRestart);
        }

        // then both runs' observations wait in the spool, one sequence after the other
        assertThat(spooledSequences()).containsExactlyElementsOf(
                LongStream.rangeClosed(0, lastSequence()).boxed().toList());
    }

    private List<Long> spooledSequences() throws IOException {
        final ObservationCodec codec = ObservationCodec.open(spoolDir.resolve("schemas"));
        try (ObservationSpool spool = ObservationSpool.open(spoolDir, SpoolLimits.defaults(), Clock.systemUTC())) {
            final List<Long> sequences = new ArrayList<>();
            for (SpooledRecord record : spool.read(Integer.MAX_VALUE, Long.MAX_VALUE)) {
                sequences.add(codec.decode(record.payload()).getSequence());
            }
            return sequences;
        }
    }

    @Test
    void shouldGiveEveryProbeInOneProcessItsOwnTemporarySpoolAndRemoveItAtShutdown() {
        // given
        final Probe one = Probe.start(config("xen-1"), new ScriptedSource(), Clock.systemUTC());
        final Probe two = Probe.start(config("xen-2"), new ScriptedSource(), Clock.systemUTC());

        // when
        final Path oneDir = one.spoolDirectory();
        final Path twoDir = two.spoolDirectory();
        one.close();
        two.close();

        // then
        assertThat(oneDir).isNotEqualTo(twoDir);
        assertThat(oneDir).doesNotExist();
        assertThat(twoDir).doesNotExist();
    }

    @Test
    void shouldRefuseToShareASpoolDirectoryWithAnotherProbe() {
        // given
        final ProbeConfig config = config("xen-1", "XENPULSE_SPOOL_DIR", spoolDir.toString());
        try (Probe running = Probe.start(config, new ScriptedSource(), Clock.systemUTC())) {

            // when / then
            assertThatThrownBy(() -> Probe.start(config("xen-2", "XENPULSE_SPOOL_DIR", spoolDir.toString()),
                    new ScriptedSource(), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another probe");
        }
    }
}
