package io.xenpulse.probe.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.ProcessState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCheckTest {

    @TempDir
    Path dir;

    @Test
    void shouldFindXendThroughItsPidFileAsThePythonScriptItIs() {
        // given: xend as ps shows it, "python /usr/sbin/xend start"
        final FakeNode node = new FakeNode(dir).process(812, "xend", "/usr/bin/python2.7", "/usr/sbin/xend", "start")
                .pidFile("xend.pid", "812\n");
        // when
        final ProcessFinding finding = check(DaemonSpec.XEND, node);
        // then
        assertThat(finding).isEqualTo(new ProcessFinding(ProcessState.PRESENT,
                "pid 812 from " + node.run.resolve("xend.pid")));
    }

    @Test
    void shouldFindXendByItsCommandLineWhenItsCommIsTheInterpreter() {
        final FakeNode node = new FakeNode(dir).process(813, "python", "python", "/usr/sbin/xend", "start")
                .pidFile("xend.pid", "813");
        assertThat(check(DaemonSpec.XEND, node).state()).isEqualTo(ProcessState.PRESENT);
    }

    @Test
    void shouldFindADaemonAbsentWithoutPidFileOrProcess() {
        final FakeNode node = new FakeNode(dir).process(1, "systemd", "/sbin/init");
        assertThat(check(DaemonSpec.XEND, node)).isEqualTo(new ProcessFinding(ProcessState.ABSENT,
                "no pid file in " + node.run + "; no xend process running"));
    }

    @Test
    void shouldFindADaemonAbsentWhenItsPidFileIsStale() {
        final FakeNode node = new FakeNode(dir).pidFile("xend.pid", "4242\n");
        assertThat(check(DaemonSpec.XEND, node)).isEqualTo(new ProcessFinding(ProcessState.ABSENT,
                "pid file " + node.run.resolve("xend.pid") + " names pid 4242, which is not running; no xend process running"));
    }

    @Test
    void shouldNotTakeAReusedPidForTheDaemon() {
        // given: xend died and its pid now belongs to sshd
        final FakeNode node = new FakeNode(dir).process(812, "sshd", "/usr/sbin/sshd", "-D").pidFile("xend.pid", "812");
        // when / then
        assertThat(check(DaemonSpec.XEND, node)).isEqualTo(new ProcessFinding(ProcessState.ABSENT,
                "pid file " + node.run.resolve("xend.pid") + " names pid 812, which is '/usr/sbin/sshd -D'; no xend"
                        + " process running"));
    }

    @Test
    void shouldNotCountAnUnreapedZombieAsRunning() {
        final FakeNode node = new FakeNode(dir).process(812, "xend", 'Z').pidFile("xend.pid", "812");
        assertThat(check(DaemonSpec.XEND, node).state()).isEqualTo(ProcessState.ABSENT);
    }

    @Test
    void shouldFindADaemonWithoutAPidFileInTheProcessTable() {
        final FakeNode node = new FakeNode(dir).process(1, "systemd", "/sbin/init")
                .process(305, "oxenstored", "/usr/sbin/oxenstored", "--pid-file", "/run/xen/xenstored.pid");
        assertThat(check(DaemonSpec.XENSTORED, node)).isEqualTo(new ProcessFinding(ProcessState.PRESENT,
                "pid 305 found in the process table; no pid file in " + node.run));
    }

    @Test
    void shouldLookAtTheProcessFoundLastTimeFirstButNotTrustAReusedPid() {
        // given: oxenstored without a pid file, found once through the process table
        final FakeNode node = new FakeNode(dir).process(305, "oxenstored", "/usr/sbin/oxenstored");
        final ProcessCheck check = new ProcessCheck(DaemonSpec.XENSTORED, node.run, node.proc);
        assertThat(check.check().state()).isEqualTo(ProcessState.PRESENT);

        // when: it is still there, then it died and its pid went to another program
        final ProcessFinding stillThere = check.check();
        node.process(305, "sshd", "/usr/sbin/sshd", "-D");
        final ProcessFinding afterReuse = check.check();

        // then
        assertThat(stillThere.detail()).startsWith("pid 305 found in the process table");
        assertThat(afterReuse.state()).isEqualTo(ProcessState.ABSENT);
    }

    @Test
    void shouldReadTheXen4PidFileLocationFirst() {
        final FakeNode node = new FakeNode(dir).process(208, "xenconsoled", "/usr/sbin/xenconsoled",
                "--pid-file=/var/run/xen/xenconsoled.pid").pidFile("xen/xenconsoled.pid", "208\n")
                .pidFile("xenconsoled.pid", "99\n");
        assertThat(check(DaemonSpec.XENCONSOLED, node)).isEqualTo(new ProcessFinding(ProcessState.PRESENT,
                "pid 208 from " + node.run.resolve("xen/xenconsoled.pid")));
    }

    @Test
    void shouldIgnoreAPidFileThatHoldsNoPid() {
        final FakeNode node = new FakeNode(dir).pidFile("libvirtd.pid", "not a pid; rm -rf /\n");
        assertThat(check(DaemonSpec.LIBVIRTD, node)).isEqualTo(new ProcessFinding(ProcessState.ABSENT,
                "pid file " + node.run.resolve("libvirtd.pid") + " holds no pid; no libvirtd process running"));
    }

    @Test
    void shouldNotKnowWhenTheProcessTableCannotBeRead() {
        final ProcessFinding finding = new ProcessCheck(DaemonSpec.XEND, dir, dir.resolve("no-proc")).check();
        assertThat(finding.state()).isEqualTo(ProcessState.UNKNOWN);
        assertThat(finding.detail()).isEqualTo("cannot read the process table at " + dir.resolve("no-proc"));
    }

    @Test
    void shouldRecogniseThisVeryJvmInTheRealProcTree() throws Exception {
        // given: the real /proc, and a pid file naming this test's own JVM
        final long pid = ProcessHandle.current().pid();
        final Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("java.pid"), pid + "\n");
        final String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        final DaemonSpec self = new DaemonSpec("self", List.of("java.pid"), Set.of(comm));
        // when
        final ProcessFinding finding = new ProcessCheck(self, run, Path.of("/proc")).check();
        // then
        assertThat(finding).isEqualTo(new ProcessFinding(ProcessState.PRESENT,
                "pid " + pid + " from " + run.resolve("java.pid")));
    }

    @Test
    void shouldFindNoXendInTheRealProcTreeOfThisMachine() {
        final ProcessFinding finding = new ProcessCheck(DaemonSpec.XEND, dir, Path.of("/proc")).check();
        assertThat(finding.state()).isEqualTo(ProcessState.ABSENT);
    }

    @Test
    void shouldReportABrokenCheckUnknownInsteadOfThrowing() {
        // given: a pid file name no file system can hold, so resolving it throws
        final DaemonSpec broken = new DaemonSpec("odd", List.of("odd\0.pid"), Set.of("odd"));
        final FakeNode node = new FakeNode(dir).process(1, "systemd", "/sbin/init");
        // when
        final ProcessFinding finding = check(broken, node);
        // then
        assertThat(finding).isEqualTo(new ProcessFinding(ProcessState.UNKNOWN, "probe error: InvalidPathException"));
    }

    private static ProcessFinding check(DaemonSpec spec, FakeNode node) {
        return new ProcessCheck(spec, node.run, node.proc).check();
    }
}
