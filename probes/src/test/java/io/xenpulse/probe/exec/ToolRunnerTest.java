package io.xenpulse.probe.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** What a tool sees of the variables the runner sets, and of one it does not. */
    private static final String ENV_REPORT =
            "printf 'LC_ALL=%s|PATH=%s|EXTRA=%s' \"${LC_ALL-unset}\" \"${PATH-unset}\" \"${XENPULSE_EXTRA-unset}\"";

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
    void shouldRunToolsInTheCLocaleOnTheRunnersSearchPath() {
        // when
        final ToolResult result = runner.run(List.of("sh", "-c", ENV_REPORT), TIMEOUT);
        // then
        assertThat(((ToolResult.Completed) result).stdout()).isEqualTo("LC_ALL=C|PATH=/usr/bin:/bin|EXTRA=unset");
    }

    @Test
    void shouldApplyExtraEnvironmentOverTheRunnersOwnForOneCallOnly() {
        // given
        final Map<String, String> extra = Map.of("LC_ALL", "C.UTF-8", "XENPULSE_EXTRA", "a b; $(id)");
        // when
        final ToolResult withExtra = runner.run(List.of("sh", "-c", ENV_REPORT), TIMEOUT, extra);
        final ToolResult next = runner.run(List.of("sh", "-c", ENV_REPORT), TIMEOUT);
        // then
        assertThat(((ToolResult.Completed) withExtra).stdout())
                .isEqualTo("LC_ALL=C.UTF-8|PATH=/usr/bin:/bin|EXTRA=a b; $(id)");
        assertThat(((ToolResult.Completed) next).stdout()).isEqualTo("LC_ALL=C|PATH=/usr/bin:/bin|EXTRA=unset");
    }

    @Test
    void shouldUnsetAVariableWhoseExtraValueIsNull() {
        // given: LC_ALL is one the runner itself sets, so it is there to be removed
        final Map<String, String> extra = new HashMap<>();
        extra.put("LC_ALL", null);
        extra.put("XENPULSE_EXTRA", null);
        // when
        final ToolResult result = runner.run(List.of("sh", "-c", ENV_REPORT), TIMEOUT, extra);
        // then
        assertThat(((ToolResult.Completed) result).stdout()).isEqualTo("LC_ALL=unset|PATH=/usr/bin:/bin|EXTRA=unset");
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
