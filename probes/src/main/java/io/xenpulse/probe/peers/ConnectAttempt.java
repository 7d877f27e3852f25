package io.xenpulse.probe.peers;

import io.xenpulse.schemas.observation.PeerCheck;
import io.xenpulse.schemas.observation.SourceStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * One non-blocking TCP connect to one peer, from start to its outcome: connected, refused or unreachable,
 * or still pending when the probe's timeout ends (which the probe reports as HUNG).
 */
final class ConnectAttempt {

    private final Peer peer;
    private final long startNanos = System.nanoTime();
    private SocketChannel channel;
    private SourceStatus status;
    private String message = "";
    private long endNanos;

    private ConnectAttempt(Peer peer) {
        this.peer = peer;
    }

    /** Starts connecting; an attempt that fails at once (unresolvable name, refused) is settled already. */
    static ConnectAttempt start(Peer peer, Selector selector) {
        final ConnectAttempt attempt = new ConnectAttempt(peer);
        attempt.connect(selector);
        return attempt;
    }

    private void connect(Selector selector) {
        // A host name is looked up here, through the JVM's cache; IP addresses need no lookup at all.
        final InetSocketAddress address = new InetSocketAddress(peer.host(), peer.port());
        if (address.isUnresolved()) {
            settle(SourceStatus.DOWN, "cannot resolve host " + peer.host());
            return;
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                settle(SourceStatus.OK, "connected");
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException | UnresolvedAddressException | SecurityException e) {
            settle(SourceStatus.DOWN, describe(e));
        }
    }

    /** Called when the selector reports the connect finished, one way or the other. */
    void finish() {
        try {
            if (channel.finishConnect()) {
                settle(SourceStatus.OK, "connected");
            }
        } catch (IOException e) {
            settle(SourceStatus.DOWN, describe(e));
        }
    }

    boolean pending() {
        return status == null;
    }

    /** The outcome; an attempt still pending is HUNG, its latency the time waited. */
    PeerCheck result(Duration timeout) {
        if (pending()) {
            endNanos = System.nanoTime();
            status = SourceStatus.HUNG;
            message = "no answer within " + timeout.toMillis() + " ms";
        }
        return PeerCheck.newBuilder()
                .setPeer(peer.name())
                .setAddress(peer.address())
                .setStatus(status)
                .setLatencyMillis((endNanos - startNanos) / 1_000_000)
                .build();
    }

    String message() {
        return message;
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was sent; a failed close leaves nothing to clean up
            }
        }
    }

    private void settle(SourceStatus outcome, String text) {
        status = outcome;
        message = text;
        endNanos = System.nanoTime();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
