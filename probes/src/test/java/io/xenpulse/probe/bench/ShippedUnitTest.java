package io.xenpulse.probe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shipped systemd unit: the benchmark can read it, and this JVM accepts every option it sets. */
class ShippedUnitTest {

    /** Tests run in the module directory; the benchmark from the repository root. */
    private static final Path UNIT = Path.of("..").resolve(ShippedUnit.UNIT);

    @Test
    void shouldReadTheJvmOptionsAndEnvironmentOfTheShippedUnit() throws Exception {
        // when
        final ShippedUnit unit = ShippedUnit.read(UNIT);

        // then
        assertThat(unit.jvmOptions()).startsWith("-XX:+UseSerialGC").contains("-Xmx16m", "-XX:TieredStopAtLevel=1")
                .allMatch(option -> option.startsWith("-X")).doesNotContain("-jar");
        assertThat(unit.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void shouldStartAJvmWithTheUnitsOptions() throws Exception {
        // given
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ShippedUnit.read(UNIT).jvmOptions());
        command.add("-version");

        // when
        final Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then: an unknown or misspelt option makes the JVM refuse to start
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Unrecognized", "Ignoring option");
    }
}
