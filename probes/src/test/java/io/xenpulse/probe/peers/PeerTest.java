package io.xenpulse.probe.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerTest {

    @Test
    void shouldParseNamedPeersWithTheirPorts() {
        // when
        final List<Peer> peers = Peer.parseList("xen-2=10.0.0.2:22, xen-3=xen-3.example.org:2222");
        // then
        assertThat(peers).containsExactly(new Peer("xen-2", "10.0.0.2", 22),
                new Peer("xen-3", "xen-3.example.org", 2222));
        assertThat(peers.get(0).address()).isEqualTo("10.0.0.2:22");
    }

    @Test
    void shouldParseABracketedIpv6Address() {
        final List<Peer> peers = Peer.parseList("xen-4=[fd00::4]:22");
        assertThat(peers).containsExactly(new Peer("xen-4", "fd00::4", 22));
        assertThat(peers.get(0).address()).isEqualTo("[fd00::4]:22");
    }

    @Test
    void shouldReadABlankListAsNoPeers() {
        assertThat(Peer.parseList("")).isEmpty();
        assertThat(Peer.parseList("   ")).isEmpty();
        assertThat(Peer.parseList(null)).isEmpty();
    }

    @Test
    void shouldNameTheEntryThatHasNoPort() {
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2:22,xen-3=10.0.0.3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_PEERS")
                .hasMessageContaining("'xen-3=10.0.0.3'");
    }

    @Test
    void shouldRejectAnEntryWithoutAName() {
        assertThatThrownBy(() -> Peer.parseList("10.0.0.2:22"))
                .hasMessageContaining("'10.0.0.2:22' is not name=host:port");
        assertThatThrownBy(() -> Peer.parseList("=10.0.0.2:22"))
                .hasMessageContaining("is not name=host:port");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2:70000"))
                .hasMessageContaining("port 70000 is not in 1..65535");
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2:ssh"))
                .hasMessageContaining("has no valid port");
    }

    @Test
    void shouldRejectAPeerListedTwice() {
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2:22,xen-2=10.0.0.3:22"))
                .hasMessageContaining("peer xen-2 is listed twice");
    }

    @Test
    void shouldAskForBracketsAroundAnIpv6Address() {
        assertThatThrownBy(() -> Peer.parseList("xen-4=fd00::4:22"))
                .hasMessageContaining("IPv6 address goes in brackets");
        assertThatThrownBy(() -> Peer.parseList("xen-4=[fd00::4]"))
                .hasMessageContaining("IPv6 address goes in brackets");
    }

    @Test
    void shouldRejectAHostThatIsNotAHostName() {
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2;reboot:22"))
                .hasMessageContaining("'10.0.0.2;reboot' is not a host name or address");
        assertThatThrownBy(() -> Peer.parseList("xen 2=10.0.0.2:22"))
                .hasMessageContaining("peer name 'xen 2'");
    }

    @Test
    void shouldRejectAnEmptyEntryBetweenCommas() {
        assertThatThrownBy(() -> Peer.parseList("xen-2=10.0.0.2:22,,xen-3=10.0.0.3:22"))
                .hasMessageContaining("entry '' is not name=host:port");
    }
}
