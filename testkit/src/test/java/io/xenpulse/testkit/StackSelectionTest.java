package io.xenpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSelectionTest {

    @Test
    void shouldHonourAForcedEmbeddedStackWithoutAskingDocker() {
        assertThat(StackSelection.choose(Map.of(StackSelection.ENV, "embedded", "DOCKER_HOST", "tcp://x:1")))
                .isEqualTo(StackSelection.Kind.EMBEDDED);
    }

    @Test
    void shouldHonourForcedContainers() {
        assertThat(StackSelection.choose(Map.of(StackSelection.ENV, "Containers")))
                .isEqualTo(StackSelection.Kind.CONTAINERS);
    }

    @Test
    void shouldTreatDockerHostAsAHint() {
        assertThat(StackSelection.dockerHinted(Map.of("DOCKER_HOST", "unix:///run/docker.sock"))).isTrue();
    }

    @Test
    void shouldRejectAnUnknownChoiceNamingTheVariable() {
        assertThatThrownBy(() -> StackSelection.choose(Map.of(StackSelection.ENV, "kubernetes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StackSelection.ENV)
                .hasMessageContaining("kubernetes");
    }
}
