package io.xenpulse.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;

/**
 * Decides between containers and the embedded stack. {@code XENPULSE_TEST_STACK=embedded} or
 * {@code =containers} forces a path; otherwise containers are used when a Docker engine answers.
 *
 * <p>Testcontainers' own probe is slow and logs errors when there is no engine, so it is only asked when
 * something suggests an engine exists (DOCKER_HOST, a Testcontainers override, or a known socket file).
 */
final class StackSelection {

    static final String ENV = "XENPULSE_TEST_STACK";

    enum Kind { EMBEDDED, CONTAINERS }

    private StackSelection() {
    }

    static Kind choose(Map<String, String> env) {
        final String forced = Optional.ofNullable(env.get(ENV)).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse("");
        return switch (forced) {
            case "embedded" -> Kind.EMBEDDED;
            case "containers", "container", "docker" -> Kind.CONTAINERS;
            case "", "auto" -> dockerHinted(env) && DockerClientFactory.instance().isDockerAvailable()
                    ? Kind.CONTAINERS : Kind.EMBEDDED;
            default -> throw new IllegalArgumentException(ENV + " must be embedded, containers or auto, not '"
                    + env.get(ENV) + "'");
        };
    }

    static boolean dockerHinted(Map<String, String> env) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")
                || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")) {
            return true;
        }
        final Path home = Path.of(System.getProperty("user.home"));
        final List<Path> hints = List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".testcontainers.properties"));
        final Optional<Path> runtimeSocket = Optional.ofNullable(env.get("XDG_RUNTIME_DIR"))
                .map(dir -> Path.of(dir, "docker.sock"));
        return hints.stream().anyMatch(Files::exists) || runtimeSocket.filter(Files::exists).isPresent();
    }
}
