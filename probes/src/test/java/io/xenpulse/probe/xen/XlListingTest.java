package io.xenpulse.probe.xen;

import static io.xenpulse.probe.xen.XenListParserTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.probe.exec.ToolRunner;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link XlListing} through the real {@link ToolRunner} against the xl emulator, one scenario per test. */
class XlListingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Emulators emulators;

    @BeforeEach
    void installEmulators() {
        emulators = Emulators.installIn(dir);
    }

    @Test
    void shouldListDomainsThroughXl() {
        final ListingResult result = listing("healthy").list();
        assertThat(result.getSource()).isEqualTo(ListingSource.XL);
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("web01", 3, DomainState.BLOCKED, false),
                entry("db01", 4, DomainState.RUNNING, false),
                entry("mail01", 7, DomainState.BLOCKED, false));
    }

    @Test
    void shouldKeepListingThroughXlWhileXendIsDown() {
        // given: xm refuses (xend down); xl does not go through xend
        final ToolRunner runner = emulators.scenario("xend-down").runner();
        // when
        final ListingResult xm = new XmListing(runner, TIMEOUT).list();
        final ListingResult xl = new XlListing(runner, TIMEOUT).list();
        // then
        assertThat(xm.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(xl.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(xl.getDomains()).extracting(DomainEntry::getName).contains("web01", "db01");
    }

    @Test
    void shouldReportXlWithoutAHypervisorAsDownWithLibxlsOwnMessages() {
        final ListingResult result = listing("no-hypervisor").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo(
                "xencall: error: Could not obtain handle on privileged command interface: No such file or directory"
                        + " | libxl: error: libxl.c:102:libxl_ctx_alloc: cannot open libxc handle: No such file or"
                        + " directory | cannot init xl context");
    }

    @Test
    void shouldReportXlWithoutXenstoreAsDown() {
        final ListingResult result = listing("no-xenstore").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo("libxl: error: libxl.c:108:libxl_ctx_alloc: cannot connect to xenstore:"
                + " No such file or directory | cannot init xl context");
    }

    @Test
    void shouldReportXlRunWithoutRootAsDown() {
        final ListingResult result = listing("not-root").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).endsWith("cannot open libxc handle: Permission denied | cannot init xl context");
    }

    @Test
    void shouldReportAHungXlAsHungAndKillItsChild() throws Exception {
        final XlListing listing = new XlListing(emulators.scenario("hung").runner(), Duration.ofSeconds(1));
        final ListingResult result = listing.list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(result.getLatencyMillis()).as("sanity bound").isBetween(900L, 15_000L);
        final long child = Long.parseLong(Files.readString(emulators.hungChildPidFile("xl")).trim());
        Eventually.await(Duration.ofSeconds(10), "hung xl's child " + child + " killed",
                () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void shouldNormaliseXlsStatesIncludingNamelessDyingDomains() {
        final ListingResult result = listing("states").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("server01.example.com", 1, DomainState.BLOCKED, false),
                entry("(null)", 28441, DomainState.CRASHED, false),
                entry("alsodying.example.com", 28448, DomainState.CRASHED, false),
                entry("zombie", 20, DomainState.DYING, false),
                entry("YDI test install r620q4", 202, DomainState.UNKNOWN, false),
                entry("suspended01", 30, DomainState.SHUTDOWN, false),
                entry("rebooting01", 31, DomainState.SHUTDOWN, false));
    }

    @Test
    void shouldReportBothEndsOfAnXlMigrationUnderTheDomainsOwnName() {
        final ListingResult result = listing("migrating").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("web01", 3, DomainState.SHUTDOWN, true),
                entry("db01", 6, DomainState.PAUSED, true),
                entry("mail01", 7, DomainState.BLOCKED, true));
    }

    @Test
    void shouldKeepUnusualNamesAsData() {
        final ListingResult result = listing("unusual-names").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getName)
                .contains("web 01 (prod)", "db \"primary\"", "a;b; touch /tmp/xenpulse-pwned", "café-ünïcode-数据库");
    }

    @Test
    void shouldReportGarbageEmptyAndHugeOutputAsParseErrors() {
        assertThat(listing("garbage").list().getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(listing("empty").list().getDetail()).isEqualTo("xl list: no output");
        assertThat(listing("huge").list().getDetail())
                .isEqualTo("xl list: output larger than the probe keeps; listing incomplete");
    }

    @Test
    void shouldListDomain0OnlyAndFiftyDomains() {
        assertThat(listing("dom0-only").list().getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false));
        assertThat(listing("fifty").list().getDomains()).hasSize(51);
    }

    private XlListing listing(String scenario) {
        return new XlListing(emulators.scenario(scenario).runner(), TIMEOUT);
    }
}
