package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDistributionTest {

    @TempDir
    Path root;

    @Test
    void shouldPreferTheConfiguredHomeOverEverythingElse() throws IOException {
        // given
        final Path configured = distribution(root.resolve("configured"));
        final Path fromProperty = distribution(root.resolve("property"));
        final RegistryDistribution lookup = lookup(Map.of(), Optional.of(fromProperty.toString()), root);

        // when
        final Path home = lookup.locate(Optional.of(configured));

        // then
        assertThat(home).isEqualTo(configured);
    }

    @Test
    void shouldUseTheSystemPropertyBeforeTheEnvironment() throws IOException {
        // given
        final Path fromProperty = distribution(root.resolve("property"));
        final Path fromEnv = distribution(root.resolve("env"));
        final RegistryDistribution lookup = lookup(Map.of(RegistryDistribution.HOME_ENV, fromEnv.toString()),
                Optional.of(fromProperty.toString()), root);

        // when / then
        assertThat(lookup.locate(Optional.empty())).isEqualTo(fromProperty);
    }

    @Test
    void shouldFindTheBuildOutputUnderAParentOfTheWorkingDirectory() throws IOException {
        // given
        final Path built = distribution(root.resolve("local-stack/target/apicurio-registry"));
        final Path moduleDir = Files.createDirectories(root.resolve("streams-app"));
        final RegistryDistribution lookup = lookup(Map.of(), Optional.empty(), moduleDir);

        // when / then
        assertThat(lookup.locate(Optional.empty())).isEqualTo(built);
    }

    @Test
    void shouldNameEveryPlaceTriedWhenNothingIsFound() throws IOException {
        // given
        final Path missing = root.resolve("nowhere");
        final Path workingDir = Files.createDirectories(root.resolve("work"));
        final RegistryDistribution lookup = lookup(Map.of(RegistryDistribution.HOME_ENV, "/no/env/home"),
                Optional.of("/no/property/home"), workingDir);

        // when / then
        assertThatThrownBy(() -> lookup.locate(Optional.of(missing)))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("distribution not found")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("/no/property/home")
                .hasMessageContaining("/no/env/home")
                .hasMessageContaining(workingDir.resolve("local-stack/target/apicurio-registry").toString())
                .hasMessageContaining(lookup.archive().toString());
    }

    private RegistryDistribution lookup(Map<String, String> env, Optional<String> property, Path workingDir) {
        return new RegistryDistribution(env, property, workingDir, root.resolve("m2"), root.resolve("cache"));
    }

    private static Path distribution(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RegistryDistribution.LAUNCHER), "not really a jar");
        return dir;
    }
}
