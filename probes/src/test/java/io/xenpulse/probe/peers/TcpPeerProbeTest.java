package io.xenpulse.probe.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only loopback addresses: a listening socket, a closed port, and a listener whose backlog is full. */
class TcpPeerProbeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeSockets() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void shouldReportAListeningPeerOk() throws IOException {
        // given
        final int port = listening(50);
        final TcpPeerProbe probe = TcpPeerProbe.fromSpec("xen-2=127.0.0.1:" + port, Duration.ofSeconds(2));
        // when
        final List<PeerCheck> checks = probe.check();
        // then
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.getPeer()).isEqualTo("xen-2");
            assertThat(check.getAddress()).isEqualTo("127.0.0.1:" + port);
            assertThat(check.getStatus()).isEqualTo(SourceStatus.OK);
        });
    }

    @Test
    void shouldReportARefusedConnectionDown() throws IOException {
        // given: a port that was just free and has no listener
        final int port = closedPort();
        final TcpPeerProbe probe = TcpPeerProbe.fromSpec("xen-3=127.0.0.1:" + port, Duration.ofSeconds(2));
        // when
        final PeerCheck check = probe.check().get(0);
        // then
        assertThat(check.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(check.getLatencyMillis()).isLessThan(2000);
    }

    @Test
    void shouldReportAPeerThatNeverAnswersHung() throws IOException {
        // given: a listener that accepts nothing and whose accept queue is full, so a SYN is dropped
        final int port = listeningWithFullBacklog();
        final TcpPeerProbe probe = TcpPeerProbe.fromSpec("xen-4=127.0.0.1:" + port, Duration.ofMillis(500));
        // when
        final PeerCheck check = probe.check().get(0);
        // then
        assertThat(check.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(check.getLatencyMillis()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void shouldCheckEveryPeerAtOnceSoHungPeersCostOneTimeout() throws IOException {
        // given: three peers that never answer, one that answers and one that refuses
        final int silent = listeningWithFullBacklog();
        final String spec = "a=127.0.0.1:" + silent + ",b=127.0.0.1:" + silent + ",c=127.0.0.1:" + silent
                + ",d=127.0.0.1:" + listening(50) + ",e=127.0.0.1:" + closedPort();
        final Duration timeout = Duration.ofSeconds(1);
        // when
        final long start = System.nanoTime();
        final List<PeerCheck> checks = TcpPeerProbe.fromSpec(spec, timeout).check();
        final Duration took = Duration.ofNanos(System.nanoTime() - start);
        // then: one after the other, the silent ones alone would take three timeouts
        assertThat(checks).extracting(PeerCheck::getStatus).containsExactly(SourceStatus.HUNG, SourceStatus.HUNG,
                SourceStatus.HUNG, SourceStatus.OK, SourceStatus.DOWN);
        assertThat(took).isLessThan(timeout.multipliedBy(2));
    }

    @Test
    void shouldCheckNothingWithoutPeers() {
        assertThat(TcpPeerProbe.fromSpec("", Duration.ofSeconds(1)).check()).isEmpty();
    }

    private int listening(int backlog) throws IOException {
        final ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0), backlog);
        opened.add(server);
        return server.socket().getLocalPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            return server.socket().getLocalPort();
        }
    }

    /** Connects until the kernel stops completing handshakes for a listener that never accepts. */
    private int listeningWithFullBacklog() throws IOException {
        final int port = listening(1);
        for (int i = 0; i < 10; i++) {
            final Socket filler = new Socket();
            opened.add(filler);
            try {
                filler.connect(new InetSocketAddress(LOOPBACK, port), 300);
            } catch (SocketTimeoutException full) {
                return port;
            }
        }
        assumeTrue(false, "this kernel kept accepting loopback connections into a full backlog");
        return port;
    }
}
