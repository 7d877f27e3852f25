package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path jvmRoot;

    @Test
    void shouldPreferTheNewestJava21PlusUnderTheJvmRoot() throws IOException {
        // given
        fakeJdk("java-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        fakeJdk("temurin-25", "25");
        final Path running17 = fakeJdk("running", "17.0.1");

        // when
        final Path java = new JavaRuntimes(Map.of(), running17, 17, jvmRoot).locateJava(Optional.empty());

        // then
        assertThat(java).isEqualTo(jvmRoot.resolve("temurin-25/bin/java"));
    }

    @Test
    void shouldUseTheRunningJvmWhenItIsRecentEnough() throws IOException {
        // given
        final Path running = fakeJdk("running", "21.0.2");
        fakeJdk("temurin-25", "25");

        // when
        final Path java = new JavaRuntimes(Map.of(), running, 21, jvmRoot).locateJava(Optional.empty());

        // then
        assertThat(java).isEqualTo(running.resolve("bin/java"));
    }

    @Test
    void shouldRefuseAConfiguredJava17EvenWhenANewerOneExists() throws IOException {
        // given
        final Path java17 = fakeJdk("java-17", "17.0.15");
        fakeJdk("temurin-25", "25");
        final JavaRuntimes runtimes = new JavaRuntimes(Map.of(), java17, 17, jvmRoot);

        // when / then
        assertThatThrownBy(() -> runtimes.locateJava(Optional.of(java17)))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Apicurio Registry needs Java 21+; looked in: ")
                .hasMessageContaining(java17 + " (Java 17)");
    }

    @Test
    void shouldHonourTheEnvironmentJavaHome() throws IOException {
        // given
        final Path jdk21 = fakeJdk("jdk-21", "21.0.5");
        fakeJdk("temurin-25", "25");
        final Map<String, String> env = Map.of(JavaRuntimes.JAVA_HOME_ENV, jdk21.toString());

        // when
        final Path java = new JavaRuntimes(env, jdk21, 17, jvmRoot).locateJava(Optional.empty());

        // then
        assertThat(java).isEqualTo(jdk21.resolve("bin/java"));
    }

    @Test
    void shouldListEveryPlaceTriedWhenNoJava21Exists() throws IOException {
        // given
        final Path java17 = fakeJdk("java-17", "17.0.15");
        final Path java8 = fakeJdk("java-8", "1.8.0_412");
        final Map<String, String> env = Map.of("JAVA_HOME", java8.toString());

        // when / then
        assertThatThrownBy(() -> new JavaRuntimes(env, java17, 17, jvmRoot).locateJava(Optional.empty()))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("needs Java 21+")
                .hasMessageContaining(java17 + " (Java 17)")
                .hasMessageContaining(java8 + " (Java 8)")
                .hasMessageContaining("the running JVM");
    }

    @Test
    void shouldNotAcceptAHomeWithoutAJavaExecutable() throws IOException {
        // given
        final Path broken = jvmRoot.resolve("broken-25");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("release"), "JAVA_VERSION=\"25\"\n");

        // when / then
        assertThatThrownBy(() -> new JavaRuntimes(Map.of(), broken, 17, jvmRoot).locateJava(Optional.of(broken)))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("no executable");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        final Path home = jvmRoot.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        final Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
