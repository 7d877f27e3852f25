package io.xenpulse.probe.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.schemas.observation.SourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmInfoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Emulators emulators;

    @BeforeEach
    void installEmulators() {
        emulators = Emulators.installIn(dir);
    }

    @Test
    void shouldFindXendAnsweringWhenXmInfoPrintsItsKeys() {
        final XmInfo.Answer answer = ask("healthy", TIMEOUT);
        assertThat(answer.status()).isEqualTo(SourceStatus.OK);
        assertThat(answer.detail()).isEmpty();
        assertThat(answer.latencyMillis()).isNotNegative();
    }

    @Test
    void shouldReportXendDownWithXmsOwnMessage() {
        final XmInfo.Answer answer = ask("xend-down", TIMEOUT);
        assertThat(answer.status()).isEqualTo(SourceStatus.DOWN);
        assertThat(answer.detail())
                .isEqualTo("Error: Unable to connect to xend: No such file or directory. Is xend running?");
    }

    @Test
    void shouldReportAHungXendAsHung() {
        final XmInfo.Answer answer = ask("hung", Duration.ofSeconds(1));
        assertThat(answer.status()).isEqualTo(SourceStatus.HUNG);
        assertThat(answer.latencyMillis()).as("sanity bound").isBetween(900L, 15_000L);
    }

    @Test
    void shouldReportGarbageAsAParseError() {
        final XmInfo.Answer answer = ask("garbage", TIMEOUT);
        assertThat(answer.status()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(answer.detail()).isEqualTo("xm info: output is not key : value lines");
        assertThat(ask("empty", TIMEOUT).status()).isEqualTo(SourceStatus.PARSE_ERROR);
    }

    @Test
    void shouldReportAMissingXmAsUnavailable() {
        final XmInfo info = new XmInfo(new ToolRunner(List.of(dir.resolve("nothing-here")), 1024), TIMEOUT);
        assertThat(info.ask().status()).isEqualTo(SourceStatus.UNAVAILABLE);
    }

    private XmInfo.Answer ask(String scenario, Duration timeout) {
        return new XmInfo(emulators.scenario(scenario).runner(), timeout).ask();
    }
}
