package io.xenpulse.probe.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ToolRunner runner = new ToolRunner(List.of(Path.of("/usr/bin"), Path.of("/bin")), 1024);

    @Test
    void shouldCaptureOutputAndExitCodeOfACompletedTool() {
        final ToolResult result = runner.run(List.of("sh", "-c", "echo listed; echo complaint >&2; exit 3"), TIMEOUT);
        assertThat(result).isInstanceOfSatisfying(ToolResult.Completed.class, done -> {
            assertThat(done.exitCode()).isEqualTo(3);
            assertThat(done.stdout()).isEqualTo("listed\n");
            assertThat(done.stderr()).isEqualTo("complaint\n");
            assertThat(done.truncated()).isFalse();
        });
    }

    @Test
    void shouldPassArgumentsVerbatimWithoutAShell() {
        final String hostile = "web01; touch /tmp/xenpulse-pwned $(id) `id` 'quoted' \"dq\" ü";
        final ToolResult result = runner.run(List.of("printf", "%s", hostile), TIMEOUT);
        assertThat(((ToolResult.Completed) result).stdout()).isEqualTo(hostile);
        assertThat(Path.of("/tmp/xenpulse-pwned")).doesNotExist();
    }

    @Test
    void shouldReportAMissingToolAsNotInstalled() {
        assertThat(runner.run(List.of("xm-that-does-not-exist", "list"), TIMEOUT))
                .isEqualTo(new ToolResult.NotInstalled("xm-that-does-not-exist"));
        assertThat(runner.locate("xm-that-does-not-exist")).isEmpty();
    }

    @Test
    void shouldKillTheWholeProcessTreeOfAHungTool(@TempDir Path dir) throws Exception {
        // given: a tool that starts a child, records its pid, and both hang
        final Path pidFile = dir.resolve("child.pid");
        // when
        final ToolResult result = runner.run(List.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"),
                Duration.ofMillis(500));
        // then
        assertThat(result).isInstanceOf(ToolResult.TimedOut.class);
        final long child = Long.parseLong(Files.readString(pidFile).trim());
        Eventually.await(Duration.ofSeconds(5), "child " + child + " gone",
                () -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void shouldKeepOnlyTheLimitOfAHugeOutput() {
        final ToolResult result = runner.run(List.of("head", "-c", "50000000", "/dev/zero"), Duration.ofSeconds(30));
        assertThat(result).isInstanceOfSatisfying(ToolResult.Completed.class, done -> {
            assertThat(done.stdout()).hasSize(1024);
            assertThat(done.truncated()).isTrue();
        });
    }

    @Test
    void shouldNotWaitForAGrandchildThatKeepsTheOutputOpen() {
        final ToolResult result = runner.run(List.of("sh", "-c", "sleep 300 & echo started"), Duration.ofSeconds(1));
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
        final Set<String> leftovers = ProcessHandle.current().descendants().map(p -> p.info().command().orElse(""))
                .collect(Collectors.toSet());
        assertThat(leftovers).noneMatch(cmd -> cmd.endsWith("sleep"));
    }
}
