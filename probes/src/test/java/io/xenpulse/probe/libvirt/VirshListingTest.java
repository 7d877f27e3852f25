package io.xenpulse.probe.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real {@code virsh} (Debian libvirt-clients) and libvirt's test driver: no emulation. Failures
 * come from real connections: a socket that does not exist, a refused TCP port on loopback, and a unix socket
 * that accepts and never answers (libvirtd hung).
 */
class VirshListingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ToolRunner RUNNER = new ToolRunner(ToolRunner.pathOf(System.getenv("PATH")), 1 << 20);

    @BeforeAll
    static void virshIsInstalled() {
        assertThat(RUNNER.locate("virsh")).as("virsh must be installed (Debian: apt-get install libvirt-clients)")
                .isPresent();
    }

    @Test
    void shouldListTheDefaultTestDriverDomain() {
        // when
        final ListingResult result = new VirshListing(RUNNER, Optional.of("test:///default"), TIMEOUT).list();
        // then
        assertThat(result.getSource()).isEqualTo(ListingSource.VIRSH);
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains())
                .extracting(DomainEntry::getName, DomainEntry::getState, DomainEntry::getDomainId)
                .containsExactly(tuple("test", DomainState.RUNNING, 1));
    }

    @Test
    void shouldNormaliseEveryStateAndKeepUnusualNamesOfANode() throws Exception {
        // given: a node with a domain in each state libvirt has, and names with spaces, quotes, ';' and ü
        final Path node = Path.of(VirshListingTest.class.getResource("/libvirt/cluster-node.xml").toURI());
        // when
        final ListingResult result = new VirshListing(RUNNER, Optional.of("test://" + node), TIMEOUT).list();
        // then
        assertThat(result.getStatus()).as(result.getDetail()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains())
                .extracting(DomainEntry::getDomainId, DomainEntry::getName, DomainEntry::getState,
                        DomainEntry::getMigrating)
                .containsExactly(
                        tuple(1, "web01", DomainState.RUNNING, false),
                        tuple(2, "db 02", DomainState.PAUSED, false),
                        tuple(3, "batch", DomainState.BLOCKED, false),
                        tuple(4, "mail01", DomainState.SHUTDOWN, false),
                        tuple(5, "crashy", DomainState.CRASHED, false),
                        tuple(6, "sleepy", DomainState.PAUSED, false),
                        tuple(7, "limbo", DomainState.UNKNOWN, false),
                        tuple(8, "fünf-vm", DomainState.RUNNING, false),
                        tuple(9, "it's;odd \"quoted\" $(id)", DomainState.RUNNING, false),
                        tuple(10, "app01", DomainState.RUNNING, true),
                        tuple(11, "x running", DomainState.PAUSED, false),
                        tuple(null, "archive", DomainState.SHUTDOWN, false),
                        tuple(null, "old backup", DomainState.SHUTDOWN, false));
    }

    @Test
    void shouldReportAMissingLibvirtdSocketDownWithLibvirtsMessage(@TempDir Path dir) {
        // given: what virsh meets when libvirtd is stopped: its socket is gone
        final String uri = "qemu+unix:///system?socket=" + dir.resolve("libvirt-sock");
        // when
        final ListingResult result = new VirshListing(RUNNER, Optional.of(uri), TIMEOUT).list();
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail())
                .startsWith("error: failed to connect to the hypervisor | error: Failed to connect socket to '")
                .endsWith("libvirt-sock': No such file or directory");
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldReportARefusedConnectionDown() throws Exception {
        // given: a loopback port with no listener
        final int port;
        try (ServerSocketChannel free = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            port = free.socket().getLocalPort();
        }
        // when
        final ListingResult result = new VirshListing(RUNNER, Optional.of("qemu+tcp://127.0.0.1:" + port + "/system"),
                TIMEOUT).list();
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).contains("unable to connect to server at '127.0.0.1:" + port
                + "': Connection refused");
    }

    @Test
    void shouldReportALibvirtdThatNeverAnswersHung(@TempDir Path dir) throws Exception {
        // given: a socket that takes the connection and never says a word, like a wedged libvirtd
        final Path socket = dir.resolve("hung-sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            final Duration timeout = Duration.ofSeconds(1);
            // when
            final ListingResult result = new VirshListing(RUNNER, Optional.of("qemu+unix:///system?socket=" + socket),
                    timeout).list();
            // then
            assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
            assertThat(result.getLatencyMillis()).isGreaterThanOrEqualTo(timeout.toMillis());
            assertThat(result.getDetail()).isEqualTo("virsh list did not answer within 1000 ms");
        }
    }

    @Test
    void shouldReportMissingVirshUnavailable(@TempDir Path emptyPath) {
        final ToolRunner withoutVirsh = new ToolRunner(List.of(emptyPath), 1024);
        final ListingResult result = new VirshListing(withoutVirsh, Optional.of("test:///default"), TIMEOUT).list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.UNAVAILABLE);
        assertThat(result.getDetail()).isEqualTo("virsh is not installed");
    }

    @Test
    void shouldPassAHostileUriAsOneArgumentNeverToAShell(@TempDir Path dir) {
        // given
        final Path marker = dir.resolve("pwned");
        final String hostile = "test:///default; touch " + marker + " $(touch " + marker + ")";
        // when
        final ListingResult result = new VirshListing(RUNNER, Optional.of(hostile), TIMEOUT).list();
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void shouldRunVirshInTheUtf8CLocaleWithoutLanguage(@TempDir Path bin) throws Exception {
        // given: something called virsh that lists its own locale settings as domain names
        final Path fake = bin.resolve("virsh");
        Files.writeString(fake, "#!/bin/sh\nprintf ' Id   Name   State\\n---------\\n"
                + " 1    %s   running\\n 2    %s   running\\n' \"LC_ALL=$LC_ALL\" \"LANGUAGE=${LANGUAGE-unset}\"\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        final ToolRunner runner = new ToolRunner(List.of(bin), 1024);
        // when
        final ListingResult result = new VirshListing(runner, Optional.empty(), TIMEOUT).list();
        // then
        assertThat(result.getStatus()).as(result.getDetail()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getName)
                .containsExactly("LC_ALL=C.UTF-8", "LANGUAGE=unset");
    }

    @Test
    void shouldReportOutputThatIsNotATableAsAParseError(@TempDir Path bin) throws Exception {
        // given: something called virsh that answers with garbage (a broken wrapper script)
        final Path fake = bin.resolve("virsh");
        Files.writeString(fake, "#!/bin/sh\nprintf 'Segmentation fault\\033[2J\\n'\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        final ToolRunner runner = new ToolRunner(List.of(bin, Path.of("/usr/bin"), Path.of("/bin")), 1024);
        // when
        final ListingResult result = new VirshListing(runner, Optional.empty(), TIMEOUT).list();
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("virsh list output unreadable: no 'Id Name State' header");
    }
}
