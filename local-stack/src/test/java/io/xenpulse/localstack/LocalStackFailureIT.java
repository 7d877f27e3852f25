package io.xenpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures must say what is wrong and leave nothing running. */
class LocalStackFailureIT {

    private static final Duration THREAD_GRACE = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void shouldNameTheTakenBrokerPortAndLeaveNoThreadsBehind() throws Exception {
        // given
        final Set<Thread> baseline = Threads.nonDaemon();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            final int port = squatter.getLocalPort();

            // when / then
            assertThatThrownBy(() -> LocalStack.start(LocalStackConfig.builder().dataDir(dataDir)
                    .brokerPort(port).registryStorage(RegistryStorage.IN_MEMORY).build()))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
        assertThat(Threads.leakedSince(baseline, THREAD_GRACE)).isEmpty();
    }

    @Test
    void shouldNameTheTakenRegistryPortAndStopTheBrokerAgain() throws Exception {
        // given
        final Set<Thread> baseline = Threads.nonDaemon();
        final int brokerPort = Ports.pickFree();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            final int port = squatter.getLocalPort();

            // when / then
            assertThatThrownBy(() -> LocalStack.start(LocalStackConfig.builder().dataDir(dataDir)
                    .brokerPort(brokerPort).registryHttpPort(port).registryStorage(RegistryStorage.IN_MEMORY)
                    .build()))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("Apicurio Registry")
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
        assertThat(Threads.leakedSince(baseline, THREAD_GRACE)).isEmpty();
        assertThat(Ports.isFree(brokerPort)).as("broker port released").isTrue();
    }

    @Test
    void shouldReportARegistryThatDiesDuringStartUpWithTheEndOfItsLog() throws Exception {
        // given: a setting Apicurio rejects at boot
        final Set<Thread> baseline = Threads.nonDaemon();
        final LocalStackConfig config = LocalStackConfig.builder().dataDir(dataDir)
                .registryStorage(RegistryStorage.IN_MEMORY)
                .registryProperty("apicurio.storage.kind", "no-such-storage")
                .build();

        // when / then
        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Apicurio Registry exited with status")
                .hasMessageContaining(dataDir.resolve("apicurio-registry.log").toString());
        assertThat(ProcessHandle.current().children()).as("registry child process").isEmpty();
        assertThat(Threads.leakedSince(baseline, THREAD_GRACE)).isEmpty();
    }

    @Test
    void shouldRefuseAJava17HomeForTheRegistry() {
        // given
        final Path runningJavaHome = Path.of(System.getProperty("java.home"));
        assumeThat(Runtime.version().feature()).as("needs a pre-21 JVM to point at").isLessThan(21);
        final Set<Thread> baseline = Threads.nonDaemon();

        // when / then
        assertThatThrownBy(() -> LocalStack.start(LocalStackConfig.builder().dataDir(dataDir)
                .registryJavaHome(runningJavaHome).build()))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Apicurio Registry needs Java 21+; looked in: " + runningJavaHome)
                .hasMessageContaining("(Java " + Runtime.version().feature() + ")");
        assertThat(Threads.nonDaemon()).isSubsetOf(baseline);
    }
}
