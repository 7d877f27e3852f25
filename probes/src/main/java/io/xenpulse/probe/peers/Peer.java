package io.xenpulse.probe.peers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One other node of the cluster and the TCP port that shows it is up, as configured in
 * {@code XENPULSE_PEERS} ({@code name=host:port,...}; an IPv6 host is written in brackets,
 * {@code xen-4=[fd00::4]:22}). Parsing rejects a bad list with a message naming the entry, so a typo fails
 * at start-up instead of turning into a peer that is always DOWN.
 */
public record Peer(String name, String host, int port) {

    public static final String SETTING = "XENPULSE_PEERS";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public Peer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("peer name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        if (host == null || !(HOSTNAME.matcher(host).matches() || isIpv6(host))) {
            throw new IllegalArgumentException("peer " + name + ": '" + host + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer " + name + ": port " + port + " is not in 1..65535");
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets: what {@code PeerCheck.address} reports. */
    public String address() {
        return (isIpv6(host) ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Parses {@code name=host:port} entries separated by commas; blank means no peers.
     *
     * @throws IllegalArgumentException naming the first bad entry and what is wrong with it
     */
    public static List<Peer> parseList(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        final List<Peer> peers = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (String entry : spec.split(",", -1)) {
            final Peer peer = parseEntry(entry.trim());
            if (!names.add(peer.name())) {
                throw new IllegalArgumentException(SETTING + ": peer " + peer.name() + " is listed twice");
            }
            peers.add(peer);
        }
        return List.copyOf(peers);
    }

    private static Peer parseEntry(String entry) {
        final int equals = entry.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException(SETTING + ": entry '" + entry + "' is not name=host:port");
        }
        final String name = entry.substring(0, equals).trim();
        final String target = entry.substring(equals + 1).trim();
        // An IPv6 address has colons of its own: the port is what follows the closing bracket.
        final int portColon = target.startsWith("[") ? target.indexOf("]:") + 1 : target.lastIndexOf(':');
        if (portColon < 1 || (!target.startsWith("[") && target.indexOf(':') != portColon)) {
            throw new IllegalArgumentException(SETTING + ": entry '" + entry + "' is not name=host:port"
                    + " (an IPv6 address goes in brackets: name=[fd00::2]:22)");
        }
        final String host = target.startsWith("[") ? target.substring(1, portColon - 1)
                : target.substring(0, portColon);
        final String port = target.substring(portColon + 1);
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException(SETTING + ": entry '" + entry + "' has no valid port after ':'");
        }
        try {
            return new Peer(name, host, Integer.parseInt(port));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SETTING + ": " + e.getMessage(), e);
        }
    }

    private static boolean isIpv6(String host) {
        return host.contains(":") && IPV6.matcher(host).matches();
    }
}
