package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void shouldUseFixedPortsKafkasqlAndPersistentDataDirByDefault() {
        // given
        final Map<String, String> env = Map.of("PATH", "/usr/bin");

        // when
        final LocalStackConfig config = LocalStackConfig.fromMap(env);

        // then
        assertThat(config.brokerPort()).isEqualTo(9092);
        assertThat(config.registryHttpPort()).isEqualTo(8081);
        assertThat(config.registryManagementPort()).isEqualTo(9001);
        assertThat(config.registryStorage()).isEqualTo(RegistryStorage.KAFKASQL);
        assertThat(config.dataDir()).contains(LocalStackEnvironment.defaultDataDir());
        assertThat(config.startupTimeout()).isEqualTo(LocalStackConfig.DEFAULT_STARTUP_TIMEOUT);
        assertThat(config.registryHome()).isEmpty();
        assertThat(config.registryJavaHome()).isEmpty();
    }

    @Test
    void shouldReadEverySetting() {
        // given
        final Map<String, String> env = Map.of(
                "XENPULSE_STACK_BROKER_PORT", "0",
                "XENPULSE_STACK_REGISTRY_PORT", "18081",
                "XENPULSE_STACK_REGISTRY_MANAGEMENT_PORT", "19001",
                "XENPULSE_STACK_DATA_DIR", "/tmp/stack",
                "XENPULSE_STACK_REGISTRY_STORAGE", "in-memory",
                "XENPULSE_STACK_REGISTRY_HOME", "/opt/apicurio",
                "XENPULSE_STACK_REGISTRY_JAVA_HOME", "/opt/jdk25",
                "XENPULSE_STACK_STARTUP_TIMEOUT", "2m");

        // when
        final LocalStackConfig config = LocalStackConfig.fromMap(env);

        // then
        assertThat(config.brokerPort()).isZero();
        assertThat(config.registryHttpPort()).isEqualTo(18081);
        assertThat(config.registryManagementPort()).isEqualTo(19001);
        assertThat(config.dataDir()).contains(Path.of("/tmp/stack"));
        assertThat(config.registryStorage()).isEqualTo(RegistryStorage.IN_MEMORY);
        assertThat(config.registryHome()).contains(Path.of("/opt/apicurio"));
        assertThat(config.registryJavaHome()).contains(Path.of("/opt/jdk25"));
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldRejectUnknownStackKeyNamingIt() {
        assertThatThrownBy(() -> LocalStackConfig.fromMap(Map.of("XENPULSE_STACK_BROKR_PORT", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_STACK_BROKR_PORT");
    }

    @Test
    void shouldRejectPortOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> LocalStackConfig.fromMap(Map.of("XENPULSE_STACK_REGISTRY_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_STACK_REGISTRY_PORT");
        assertThatThrownBy(() -> LocalStackConfig.fromMap(Map.of("XENPULSE_STACK_BROKER_PORT", "ninety")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_STACK_BROKER_PORT");
    }

    @Test
    void shouldRejectUnknownStorage() {
        assertThatThrownBy(() -> LocalStackConfig.fromMap(Map.of("XENPULSE_STACK_REGISTRY_STORAGE", "postgres")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres");
    }

    @Test
    void shouldAcceptDurationsInSecondsMinutesAndIso() {
        assertThat(LocalStackEnvironment.duration("K", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LocalStackEnvironment.duration("K", "45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(LocalStackEnvironment.duration("K", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LocalStackEnvironment.duration("K", "PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LocalStackEnvironment.duration("K", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> LocalStackEnvironment.duration("K", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K");
        assertThatThrownBy(() -> LocalStackEnvironment.duration("K", "5x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5x");
    }

    @Test
    void shouldRejectNonPositiveStartupTimeout() {
        assertThatThrownBy(() -> LocalStackConfig.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
