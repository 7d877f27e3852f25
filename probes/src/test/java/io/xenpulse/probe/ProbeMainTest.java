package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xenpulse.probe.signals.HostSignals;
import io.xenpulse.probe.xen.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code xenpulse probe --once --print} against the emulated Xen tools and the real virsh test driver. */
class ProbeMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void shouldPrintOneObservationWithEverySourceWithoutKafka() throws Exception {
        // given
        final Emulators emulators = Emulators.installAllIn(dir);
        final Map<String, String> env = env(emulators, "xm,xl,xenstore,virsh");
        // when
        final int status = ProbeMain.run(List.of("--once", "--print"), env, out());
        // then
        assertThat(status).isZero();
        final JsonNode observation = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(observation.path("cluster").asText()).isEqualTo("c1");
        assertThat(observation.path("node").asText()).isEqualTo("xen-1");
        assertThat(observation.path("bootId").asText()).isEqualTo("9e5b2f4c-1d0e-4c52-9d39-5b0b8f6f2a11");
        assertThat(observation.path("listings")).extracting(l -> l.path("source").asText() + "=" + l.path("status").asText())
                .containsExactlyInAnyOrder("XM=OK", "XL=OK", "XENSTORE=OK", "VIRSH=OK");
        assertThat(observation.path("daemons")).extracting(d -> d.path("daemon").asText())
                .containsExactly("xend", "xenconsoled", "xenstored", "libvirtd");
        final JsonNode virsh = find(observation.path("listings"), "VIRSH");
        assertThat(virsh.path("domains")).extracting(d -> d.path("name").asText()).contains("test");
    }

    @Test
    void shouldReportXendDownAsOneSourceAmongOthers() throws Exception {
        final Emulators emulators = Emulators.installIn(dir).scenario("xend-down");
        assertThat(ProbeMain.run(List.of("--once", "--print"), env(emulators, "xm,xl"), out())).isZero();
        final JsonNode observation = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(find(observation.path("listings"), "XM").path("status").asText()).isEqualTo("DOWN");
        assertThat(find(observation.path("listings"), "XM").path("detail").asText()).contains("Is xend running?");
        assertThat(find(observation.path("listings"), "XL").path("status").asText()).isEqualTo("OK");
    }

    @Test
    void shouldReportToolstackXmOnAnXmHost() throws Exception {
        // given
        final Emulators emulators = Emulators.installIn(dir);
        // when
        final int status = ProbeMain.run(List.of("--once", "--print"), env(emulators, "auto"), out());
        // then
        assertThat(status).isZero();
        assertThat(printedObservation().path("toolstack").asText()).isEqualTo("XM");
    }

    @Test
    void shouldReportToolstackXlOnAnXlOnlyHost() throws Exception {
        // given: Xen 4.5 and later, xl without xm on the tool path
        final Path bin = Emulators.installResources(dir, "/emulators/bin/", List.of("xl", "_xen_common.sh"));
        // when
        final int status = ProbeMain.run(List.of("--once", "--print"), env(bin, "auto"), out());
        // then
        assertThat(status).isZero();
        final JsonNode observation = printedObservation();
        assertThat(observation.path("toolstack").asText()).isEqualTo("XL");
        assertThat(observation.path("listings")).extracting(l -> l.path("source").asText()).doesNotContain("XM");
        assertThat(observation.path("daemons")).extracting(d -> d.path("daemon").asText()).doesNotContain("xend");
    }

    @Test
    void shouldNotJudgeAConfiguredXmThatIsNotInstalled() throws Exception {
        // given: xm configured, but only xl on the tool path
        final Path bin = Emulators.installResources(dir, "/emulators/bin/", List.of("xl", "_xen_common.sh"));
        // when
        final int status = ProbeMain.run(List.of("--once", "--print"), env(bin, "xm,xl"), out());
        // then
        assertThat(status).isZero();
        final JsonNode observation = printedObservation();
        assertThat(observation.path("toolstack").asText()).isEqualTo("XL");
        assertThat(find(observation.path("listings"), "XM").path("status").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void shouldReportToolstackNoneAndWarnOnceWhenNoListingToolIsFound() throws Exception {
        // given: sources configured, none of their tools on the tool path
        final Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        final ListAppender<ILoggingEvent> log = new ListAppender<>();
        final Logger hostSignals = (Logger) LoggerFactory.getLogger(HostSignals.class);
        log.start();
        hostSignals.addAppender(log);
        // when
        final int status;
        try {
            status = ProbeMain.run(List.of("--once", "--print"), env(emptyBin, "xm,xl"), out());
        } finally {
            hostSignals.detachAppender(log);
        }
        // then
        assertThat(status).isZero();
        assertThat(printedObservation().path("toolstack").asText()).isEqualTo("NONE");
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("no usable listing source", "[xm, xl]", "XENPULSE_SOURCES=xm,xl");
    }

    @Test
    void shouldRefuseUnknownArgumentsAndBadSettings() throws Exception {
        assertThat(ProbeMain.run(List.of("--forever"), Map.of(), out())).isEqualTo(64);
        assertThat(ProbeMain.run(List.of("--once", "--print"), Map.of("XENPULSE_SOURCES", "xm,hyperv"), out()))
                .isEqualTo(2);
    }

    private Map<String, String> env(Emulators emulators, String sources) throws Exception {
        return env(emulators.bin(), sources);
    }

    private Map<String, String> env(Path toolBin, String sources) throws Exception {
        final Path bootId = dir.resolve("boot_id");
        Files.writeString(bootId, "9e5b2f4c-1d0e-4c52-9d39-5b0b8f6f2a11\n");
        final Map<String, String> env = new HashMap<>();
        env.put("XENPULSE_CLUSTER", "c1");
        env.put("XENPULSE_NODE", "xen-1");
        env.put("XENPULSE_SOURCES", sources);
        env.put("XENPULSE_TOOL_PATH", toolBin + ":/usr/bin:/bin");
        env.put("XENPULSE_VIRSH_URI", "test:///default");
        env.put("XENPULSE_BOOT_ID_FILE", bootId.toString());
        return env;
    }

    private JsonNode printedObservation() throws Exception {
        return new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode listings, String source) {
        for (JsonNode listing : listings) {
            if (listing.path("source").asText().equals(source)) {
                return listing;
            }
        }
        throw new AssertionError("no " + source + " listing in " + listings);
    }
}
