package io.xenpulse.probe.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.probe.xen.Emulators;
import io.xenpulse.probe.xen.XmInfo;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.ProcessState;
import io.xenpulse.schemas.observation.SourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link XendProbe} and {@link DaemonProcessProbe} on a fake proc tree, with {@code xm info} from the emulator. */
class DaemonProbesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Emulators emulators;
    private FakeNode node;

    @BeforeEach
    void setUp() {
        emulators = Emulators.installIn(dir);
        node = new FakeNode(dir);
    }

    @Test
    void shouldReportAHealthyXend() {
        // given
        node.process(812, "xend", "/usr/bin/python", "/usr/sbin/xend", "start").pidFile("xend.pid", "812\n");
        // when
        final DaemonCheck check = xend("healthy", TIMEOUT).check();
        // then
        assertThat(check.getDaemon()).isEqualTo("xend");
        assertThat(check.getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(check.getControl()).isEqualTo(SourceStatus.OK);
        assertThat(check.getDetail()).isEqualTo("pid 812 from " + node.run.resolve("xend.pid"));
    }

    @Test
    void shouldReportADeadXendWithXmsOwnMessage() {
        // given: xend gone, its pid file left behind
        node.pidFile("xend.pid", "812\n");
        // when
        final DaemonCheck check = xend("xend-down", TIMEOUT).check();
        // then
        assertThat(check.getProcess()).isEqualTo(ProcessState.ABSENT);
        assertThat(check.getControl()).isEqualTo(SourceStatus.DOWN);
        assertThat(check.getDetail()).isEqualTo("Error: Unable to connect to xend: No such file or directory. Is xend"
                + " running?; pid file " + node.run.resolve("xend.pid") + " names pid 812, which is not running;"
                + " no xend process running");
    }

    @Test
    void shouldReportAWedgedXendAsPresentButHung() {
        // given
        node.process(812, "xend", "/usr/bin/python", "/usr/sbin/xend", "start").pidFile("xend.pid", "812\n");
        // when
        final DaemonCheck check = xend("hung", Duration.ofSeconds(1)).check();
        // then
        assertThat(check.getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(check.getControl()).isEqualTo(SourceStatus.HUNG);
        assertThat(check.getLatencyMillis()).as("sanity bound").isBetween(900L, 15_000L);
        assertThat(check.getDetail()).startsWith("xm info did not answer within 1000 ms; pid 812");
    }

    @Test
    void shouldReportUnreadableXmInfoAsAParseError() {
        assertThat(xend("garbage", TIMEOUT).check().getControl()).isEqualTo(SourceStatus.PARSE_ERROR);
    }

    @Test
    void shouldReportXendsControlUnavailableWithoutXm() {
        final XmInfo noXm = new XmInfo(new ToolRunner(List.of(dir.resolve("nothing")), 1024), TIMEOUT);
        final DaemonCheck check = XendProbe.of(node.run, node.proc, noXm).check();
        assertThat(check.getControl()).isEqualTo(SourceStatus.UNAVAILABLE);
        assertThat(check.getProcess()).isEqualTo(ProcessState.ABSENT);
    }

    @Test
    void shouldCheckOtherDaemonsByTheirProcessOnly() {
        // given
        node.process(203, "xenstored", "/usr/sbin/xenstored", "--pid-file", "/var/run/xen/xenstored.pid")
                .pidFile("xen/xenstored.pid", "203\n");
        // when
        final DaemonCheck xenstored = DaemonProcessProbe.of(DaemonSpec.XENSTORED, node.run, node.proc).check();
        final DaemonCheck xenconsoled = DaemonProcessProbe.of(DaemonSpec.XENCONSOLED, node.run, node.proc).check();
        // then
        assertThat(xenstored.getDaemon()).isEqualTo("xenstored");
        assertThat(xenstored.getProcess()).isEqualTo(ProcessState.PRESENT);
        assertThat(xenstored.getControl()).isEqualTo(SourceStatus.NOT_CHECKED);
        assertThat(xenconsoled.getProcess()).isEqualTo(ProcessState.ABSENT);
        assertThat(xenconsoled.getControl()).isEqualTo(SourceStatus.NOT_CHECKED);
    }

    @Test
    void shouldReportABrokenProcessCheckUnknownWithoutThrowing() {
        // given: a daemon whose pid file name makes the check itself break
        final DaemonSpec broken = new DaemonSpec("odd", List.of("odd\0.pid"), Set.of("odd"));
        // when
        final DaemonCheck check = DaemonProcessProbe.of(broken, node.run, node.proc).check();
        // then
        assertThat(check.getProcess()).isEqualTo(ProcessState.UNKNOWN);
        assertThat(check.getControl()).isEqualTo(SourceStatus.NOT_CHECKED);
        assertThat(check.getDetail()).isEqualTo("probe error: InvalidPathException");
    }

    @Test
    void shouldNameTheWellKnownDaemons() {
        assertThat(DaemonSpec.named(" Xend ")).contains(DaemonSpec.XEND);
        assertThat(DaemonSpec.named("libvirtd")).contains(DaemonSpec.LIBVIRTD);
        assertThat(DaemonSpec.named("sshd")).isEmpty();
    }

    private XendProbe xend(String scenario, Duration timeout) {
        return XendProbe.of(node.run, node.proc, new XmInfo(emulators.scenario(scenario).runner(), timeout));
    }
}
