package io.xenpulse.probe.peers;

import io.xenpulse.probe.signals.PeerProbe;
import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks whether this node reaches the other nodes of its cluster by opening a TCP connection to each
 * configured peer port: OK when the connection is accepted, DOWN when it is refused or the peer is
 * unreachable, HUNG when nothing answers within the timeout (a SYN into a black hole).
 *
 * <p>All peers are tried at once with non-blocking sockets on one selector, so a cycle costs one timeout at
 * most, whatever the cluster size, and needs no thread per peer. The connection is closed as soon as it is
 * made; nothing is sent. {@link PeerCheck} has no room for the failure text, so a change of a peer's status is
 * logged once with it.
 */
public final class TcpPeerProbe implements PeerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(TcpPeerProbe.class);

    private final List<Peer> peers;
    private final Duration timeout;
    private final Map<String, SourceStatus> lastStatus = new ConcurrentHashMap<>();

    public TcpPeerProbe(List<Peer> peers, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("peer timeout must be positive, got " + timeout);
        }
        this.peers = List.copyOf(peers);
        this.timeout = timeout;
    }

    /** A probe for {@code XENPULSE_PEERS}-style text; throws {@link IllegalArgumentException} on a bad list. */
    public static TcpPeerProbe fromSpec(String spec, Duration timeout) {
        return new TcpPeerProbe(Peer.parseList(spec), timeout);
    }

    public List<Peer> peers() {
        return peers;
    }

    @Override
    public List<PeerCheck> check() {
        if (peers.isEmpty()) {
            return List.of();
        }
        final List<ConnectAttempt> attempts = new ArrayList<>(peers.size());
        try (Selector selector = Selector.open()) {
            peers.forEach(peer -> attempts.add(ConnectAttempt.start(peer, selector)));
            awaitAll(selector, attempts, System.nanoTime() + timeout.toNanos());
        } catch (IOException e) {
            // out of file descriptors or similar: this node could not check, which says nothing about the peers
            LOG.warn("peer checks not possible: {}", e.getMessage());
            return peers.stream().map(TcpPeerProbe::notChecked).toList();
        } finally {
            attempts.forEach(ConnectAttempt::close);
        }
        final List<PeerCheck> checks = new ArrayList<>(attempts.size());
        for (ConnectAttempt attempt : attempts) {
            final PeerCheck check = attempt.result(timeout);
            logChange(check, attempt.message());
            checks.add(check);
        }
        return checks;
    }

    private static void awaitAll(Selector selector, List<ConnectAttempt> attempts, long deadlineNanos)
            throws IOException {
        while (attempts.stream().anyMatch(ConnectAttempt::pending)) {
            final long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return;
            }
            selector.select(leftMillis);
            for (SelectionKey key : selector.selectedKeys()) {
                final ConnectAttempt attempt = (ConnectAttempt) key.attachment();
                attempt.finish();
                if (!attempt.pending()) {
                    key.cancel();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static PeerCheck notChecked(Peer peer) {
        return PeerCheck.newBuilder().setPeer(peer.name()).setAddress(peer.address())
                .setStatus(SourceStatus.NOT_CHECKED).build();
    }

    private void logChange(PeerCheck check, String message) {
        final SourceStatus previous = lastStatus.put(check.getPeer(), check.getStatus());
        if (previous == check.getStatus()) {
            return;
        }
        if (check.getStatus() == SourceStatus.OK) {
            LOG.info("peer {} at {} reachable ({} ms)", check.getPeer(), check.getAddress(), check.getLatencyMillis());
        } else {
            LOG.warn("peer {} at {} is {}: {}", check.getPeer(), check.getAddress(), check.getStatus(), message);
        }
    }
}
