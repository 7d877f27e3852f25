package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real distribution: found through the build's system property, or extracted from ~/.m2. */
class RegistryDistributionIT {

    @TempDir
    Path scratch;

    @Test
    void shouldFindTheDistributionNamedByTheFailsafeSystemProperty() {
        // given: the parent pom's failsafe configuration sets the property
        final String property = System.getProperty(RegistryDistribution.HOME_PROPERTY);
        assertThat(property).as("xenpulse.registry.home passed by failsafe").isNotBlank();
        final RegistryDistribution lookup = new RegistryDistribution(Map.of(), Optional.of(property), scratch,
                scratch.resolve("m2"), scratch.resolve("cache"));

        // when
        final Path home = lookup.locate(Optional.empty());

        // then
        assertThat(home).isEqualTo(Path.of(property).toAbsolutePath());
        assertThat(home.resolve(RegistryDistribution.LAUNCHER)).isRegularFile();
    }

    @Test
    void shouldExtractTheArchiveFromTheMavenRepositoryWhenNothingIsUnpacked() throws Exception {
        // given
        final Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        final RegistryDistribution lookup = new RegistryDistribution(Map.of(), Optional.empty(), scratch,
                repository, scratch.resolve("cache"));
        assumeThat(lookup.archive()).as("registry archive in the local Maven repository").exists();

        // when
        final Path home = lookup.locate(Optional.empty());

        // then
        assertThat(home).isEqualTo(scratch.resolve("cache").resolve("apicurio-registry-" + RegistryDistribution.VERSION));
        assertThat(home.resolve(RegistryDistribution.LAUNCHER)).isRegularFile();
        assertThat(home.resolve("lib")).isDirectory();
        try (Stream<Path> leftovers = Files.list(scratch.resolve("cache"))) {
            assertThat(leftovers).as("no staging directories left").containsExactly(home);
        }
    }
}
