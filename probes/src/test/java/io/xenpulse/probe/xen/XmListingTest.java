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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link XmListing} through the real {@link ToolRunner} against the xm emulator, one scenario per test. */
class XmListingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Emulators emulators;

    @BeforeEach
    void installEmulators() {
        emulators = Emulators.installIn(dir);
    }

    @Test
    void shouldListDomainsAndStatesThroughXm() {
        // when
        final ListingResult result = listing("healthy").list();
        // then
        assertThat(result.getSource()).isEqualTo(ListingSource.XM);
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDetail()).isEmpty();
        assertThat(result.getLatencyMillis()).isNotNegative();
        assertThat(result.getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("web01", 3, DomainState.BLOCKED, false),
                entry("db01", 4, DomainState.RUNNING, false),
                entry("mail01", 7, DomainState.BLOCKED, false));
    }

    @Test
    void shouldReportXendDownWithXmsOwnMessage() {
        final ListingResult result = listing("xend-down").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail())
                .isEqualTo("Error: Unable to connect to xend: No such file or directory. Is xend running?");
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldReportXendRefusingConnectionsAsDown() {
        final ListingResult result = listing("xend-refused").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo("Error: Unable to connect to xend: Connection refused. Is xend running?");
    }

    @Test
    void shouldReportACrashedXendAsDown() {
        final ListingResult result = listing("xend-crashed").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo("Xend has probably crashed!  Invalid or missing HTTP status code.");
    }

    @Test
    void shouldReportXmRunWithoutRootAsDown() {
        final ListingResult result = listing("not-root").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo("Error: Most commands need root access. Please try again as root.");
    }

    @Test
    void shouldReportAHungXmAsHungWithinItsTimeoutAndKillItsChild() throws Exception {
        // given
        final XmListing listing = new XmListing(emulators.scenario("hung").runner(), Duration.ofSeconds(1));
        // when
        final long start = System.nanoTime();
        final ListingResult result = listing.list();
        final Duration took = Duration.ofNanos(System.nanoTime() - start);
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(result.getDetail()).isEqualTo("xm list did not answer within 1000 ms");
        assertThat(result.getDomains()).isEmpty();
        assertThat(took).as("sanity bound, not a benchmark").isLessThan(Duration.ofSeconds(15));
        final long child = Long.parseLong(Files.readString(emulators.hungChildPidFile("xm")).trim());
        Eventually.await(Duration.ofSeconds(10), "hung xm's child " + child + " killed",
                () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void shouldWaitForASlowXmThatAnswersWithinItsTimeout() {
        final ListingResult result = listing("slow").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).hasSize(4);
        assertThat(result.getLatencyMillis()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void shouldReportGarbageAsAParseErrorWithoutTheGarbageInTheDetail() {
        final ListingResult result = listing("garbage").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("xm list: no Name/ID/State header");
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldReportEmptyOutputAsAParseErrorNotAsNoDomains() {
        final ListingResult result = listing("empty").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("xm list: no output");
    }

    @Test
    void shouldReportHugeOutputAsAnIncompleteListing() {
        final ListingResult result = listing("huge").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("xm list: output larger than the probe keeps; listing incomplete");
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldKeepUnusualNamesAsDataAndRunNothingFromThem() {
        final ListingResult result = listing("unusual-names").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getName).containsExactly("Domain-0", "web 01 (prod)",
                "db \"primary\"", "it's-mine", "a;b; touch /tmp/xenpulse-pwned", "$(reboot) `id`",
                "café-ünïcode-数据库", "batch 7",
                "a-very-long-domain-name-that-is-longer-than-forty-characters.example.com");
        assertThat(result.getDomains().get(7)).isEqualTo(entry("batch 7", 10, DomainState.RUNNING, false));
        assertThat(Path.of("/tmp/xenpulse-pwned")).doesNotExist();
    }

    @Test
    void shouldReportAMigratingDomainUnderItsOwnName() {
        final ListingResult result = listing("migrating").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).contains(entry("db01", 5, DomainState.SHUTDOWN, true))
                .noneMatch(d -> d.getName().startsWith("migrating-"));
    }

    @Test
    void shouldListAHostWithOnlyDomain0() {
        final ListingResult result = listing("dom0-only").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).containsExactly(entry("Domain-0", 0, DomainState.RUNNING, false));
    }

    @Test
    void shouldListFiftyDomains() {
        final ListingResult result = listing("fifty").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).hasSize(51).last().isEqualTo(entry("guest50", 60, DomainState.BLOCKED, false));
    }

    @Test
    void shouldNormaliseEveryStateXmPrints() {
        final ListingResult result = listing("states").list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("running01", 1, DomainState.RUNNING, false),
                entry("blocked01", 2, DomainState.BLOCKED, false),
                entry("paused01", 3, DomainState.PAUSED, false),
                entry("shutdown01", 4, DomainState.SHUTDOWN, false),
                entry("crashed01", 5, DomainState.CRASHED, false),
                entry("dying01", 6, DomainState.DYING, false),
                entry("between01", 7, DomainState.UNKNOWN, false),
                entry("managed-halted", null, DomainState.SHUTDOWN, false),
                entry("Zombie-old01", 8, DomainState.DYING, false));
    }

    @Test
    void shouldReportAMissingXmAsUnavailable() {
        final XmListing listing = new XmListing(new ToolRunner(List.of(dir.resolve("empty")), 1024), TIMEOUT);
        final ListingResult result = listing.list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.UNAVAILABLE);
        assertThat(result.getDetail()).isEqualTo("xm is not installed");
    }

    private XmListing listing(String scenario) {
        return new XmListing(emulators.scenario(scenario).runner(), TIMEOUT);
    }
}
