package io.xenpulse.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback TCP port helpers: pick a free port, and refuse a taken one with a message naming it. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port the OS considers free right now on the loopback interface. */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStackException("could not find a free TCP port on " + LOOPBACK, e);
        }
    }

    /** Resolves 0 to a free port; any other value is returned unchanged. */
    static int resolve(int port) {
        return port == 0 ? pickFree() : port;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same option the servers use, so a port in TIME_WAIT after our own restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws LocalStackException naming the port and what wanted it when the port is taken */
    static void requireFree(int port, String purpose) {
        if (!isFree(port)) {
            throw new LocalStackException(purpose + " cannot start: port " + port + " on " + LOOPBACK
                    + " is already in use (stop whatever listens there, or configure another port; 0 picks a"
                    + " free one)");
        }
    }

    static void requireValid(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535 (0 = pick a free port): "
                    + port);
        }
    }
}
