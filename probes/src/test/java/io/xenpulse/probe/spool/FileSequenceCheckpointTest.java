package io.xenpulse.probe.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSequenceCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveARestartedProbeTheLastSequenceOfTheSameBoot() {
        // given
        new FileSequenceCheckpoint(dir.resolve("sequence")).record("boot-1", 41);

        // when
        final FileSequenceCheckpoint restarted = new FileSequenceCheckpoint(dir.resolve("sequence"));

        // then
        assertThat(restarted.lastUsed("boot-1")).isEqualTo(41);
    }

    @Test
    void shouldStartAfreshForAnotherBoot() {
        // given
        new FileSequenceCheckpoint(dir.resolve("sequence")).record("boot-1", 41);

        // when
        final FileSequenceCheckpoint afterReboot = new FileSequenceCheckpoint(dir.resolve("sequence"));

        // then
        assertThat(afterReboot.lastUsed("boot-2")).isEqualTo(-1);
    }

    @Test
    void shouldTreatAnUnreadableCheckpointAsNone() throws IOException {
        // given
        Files.writeString(dir.resolve("sequence"), "boot-1\nforty-one\n");

        // when
        final FileSequenceCheckpoint checkpoint = new FileSequenceCheckpoint(dir.resolve("sequence"));

        // then
        assertThat(checkpoint.lastUsed("boot-1")).isEqualTo(-1);
    }

    @Test
    void shouldKeepCountingInMemoryWhenTheFileCannotBeWritten() {
        // given a checkpoint whose directory does not exist
        final FileSequenceCheckpoint checkpoint = new FileSequenceCheckpoint(dir.resolve("gone/sequence"));

        // when / then
        assertThatCode(() -> checkpoint.record("boot-1", 5)).doesNotThrowAnyException();
        assertThat(checkpoint.lastUsed("boot-1")).isEqualTo(5);
    }
}
