package io.xenpulse.probe.xenstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link XenstoreListing} through the real {@link ToolRunner} against the xenstore emulators, one scenario each. */
class XenstoreListingTest {

    private static final Duration CALL = Duration.ofSeconds(5);
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private XenstoreEmulators emulators;

    @BeforeEach
    void install(@TempDir Path dir) {
        emulators = XenstoreEmulators.installIn(dir);
    }

    private ListingResult list(String scenario) {
        return new XenstoreListing(emulators.scenario(scenario).runner(), CALL, BUDGET, 1024).list();
    }

    @Test
    void shouldListEveryDomainWithItsNameAndDomain0() {
        // when
        final ListingResult result = list("healthy");
        // then
        assertThat(result.getSource()).isEqualTo(ListingSource.XENSTORE);
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDetail()).isEmpty();
        assertThat(result.getDomains())
                .extracting(DomainEntry::getDomainId, DomainEntry::getName, DomainEntry::getState,
                        DomainEntry::getMigrating)
                .containsExactly(tuple(0, "Domain-0", DomainState.UNKNOWN, false),
                        tuple(3, "web01", DomainState.UNKNOWN, false),
                        tuple(4, "db01", DomainState.UNKNOWN, false),
                        tuple(7, "mail01", DomainState.UNKNOWN, false));
    }

    @Test
    void shouldStillListDomainsWhileXendIsDown() {
        final ListingResult result = list("xend-down");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getName).contains("web01", "db01", "mail01");
    }

    @Test
    void shouldReadFiftyNamesInOneCall() {
        // when
        final ListingResult result = list("fifty");
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).hasSize(51);
        assertThat(result.getDomains().get(50).getName()).isEqualTo("guest50");
        assertThat(result.getDomains().get(50).getDomainId()).isEqualTo(60);
        assertThat(emulators.runs("xenstore-list")).containsExactly(1);
        assertThat(emulators.readCalls()).containsExactly(51);
    }

    @Test
    void shouldListOnlyDomain0OnAnEmptyHost() {
        final ListingResult result = list("dom0-only");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getDomainId, DomainEntry::getName)
                .containsExactly(tuple(0, "Domain-0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "xenstored-down        | xenstore-list: xs_open: No such file or directory",
            "xenstored-refused     | xenstore-list: xs_open: Connection refused",
            "not-root              | xenstore-list: xs_open: Permission denied",
            "xenstored-down-legacy | xenstore-list: xs_domain_open: No such file or directory"})
    void shouldReportAnUnreachableXenstoredDownWithTheToolsOwnMessage(String scenario, String message) {
        final ListingResult result = list(scenario);
        assertThat(result.getStatus()).isEqualTo(SourceStatus.DOWN);
        assertThat(result.getDetail()).isEqualTo(message);
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldReportAHungListingHungAndLeaveNoChildBehind() throws Exception {
        // given
        final XenstoreListing listing = new XenstoreListing(emulators.scenario("hung").runner(),
                Duration.ofSeconds(1), BUDGET, 1024);
        // when
        final ListingResult result = listing.list();
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(result.getDetail()).isEqualTo("xenstore-list /local/domain did not answer within 1000 ms");
        final long child = Long.parseLong(Files.readString(emulators.hungChildPidFile("xenstore-list")).strip());
        Eventually.await(Duration.ofSeconds(5), "hung child " + child + " killed",
                () -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void shouldReportNamesThatNeverComeHung() {
        final XenstoreListing listing = new XenstoreListing(emulators.scenario("read-hung").runner(),
                Duration.ofSeconds(1), BUDGET, 1024);
        final ListingResult result = listing.list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(result.getDetail()).isEqualTo("xenstore-read did not answer within 1000 ms");
        assertThat(result.getDomains()).isEmpty();
    }

    @Test
    void shouldListSlowToolsThatAnswerWithinTheBudget() {
        final ListingResult result = list("slow");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).hasSize(4);
    }

    @Test
    void shouldStopAtTheBudgetWhateverEachCallMayTake() {
        // given: each call takes a second and may take five, but the whole listing only a second and a half
        final XenstoreListing listing = new XenstoreListing(emulators.scenario("slow").runner(), CALL,
                Duration.ofMillis(1500), 1024);
        // when
        final ListingResult result = listing.list();
        // then: the list call got its second, the read only what was left
        assertThat(result.getStatus()).isEqualTo(SourceStatus.HUNG);
        assertThat(result.getDetail()).startsWith("xenstore-read did not answer within ")
                .endsWith(" ms, the rest of the time budget");
        assertThat(result.getLatencyMillis()).isLessThan(CALL.toMillis());
    }

    @Test
    void shouldKeepUnusualNamesAsTheyAreInXenstore() {
        // when
        final ListingResult result = list("unusual-names");
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getName).containsExactly(
                "Domain-0", "web 01 (prod)", "db \"primary\"", "it's-mine", "a;b; touch /tmp/xenpulse-pwned",
                "$(reboot) `id`", "café-ünïcode-数据库", "batch 7",
                "a-very-long-domain-name-that-is-longer-than-forty-characters.example.com", "back\\slash\ttab");
        assertThat(result.getDetail()).isEqualTo("domain 13 without a name yet");
        assertThat(Path.of("/tmp/xenpulse-pwned")).doesNotExist();
    }

    @Test
    void shouldReportAMigratingDomainUnderItsOwnName() {
        final ListingResult result = list("migrating");
        assertThat(result.getDomains())
                .extracting(DomainEntry::getDomainId, DomainEntry::getName, DomainEntry::getMigrating)
                .containsExactly(tuple(0, "Domain-0", false), tuple(3, "web01", false), tuple(5, "db01", true));
    }

    @Test
    void shouldLeaveOutADomainThatDiedBetweenListAndRead() {
        // when
        final ListingResult result = list("vanished");
        // then
        assertThat(result.getStatus()).isEqualTo(SourceStatus.OK);
        assertThat(result.getDomains()).extracting(DomainEntry::getDomainId).containsExactly(0, 3, 7);
        assertThat(result.getDetail()).isEqualTo("domain 4 gone between list and read");
        // one read of all four names, then one per name once a path was missing
        assertThat(emulators.readCalls()).containsExactly(4, 1, 1, 1, 1);
    }

    @Test
    void shouldReportGarbageAsAParseError() {
        final ListingResult result = list("garbage");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).startsWith("xenstore-list output unreadable: '\\x1b[2J\\x1b[31mSegmentation");
        assertThat(emulators.readCalls()).isEmpty();
    }

    @Test
    void shouldReportAnEmptyListingAsAParseError() {
        final ListingResult result = list("empty");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail())
                .isEqualTo("xenstore-list output unreadable: no domains listed, not even Domain-0");
    }

    @Test
    void shouldRefuseOutputBeyondWhatTheProbeKeeps() {
        final ListingResult result = list("huge");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("xenstore-list /local/domain printed more than the probe keeps");
    }

    @Test
    void shouldReadNoNamesOfMoreDomainsThanItReads() {
        final ListingResult result = list("many");
        assertThat(result.getStatus()).isEqualTo(SourceStatus.PARSE_ERROR);
        assertThat(result.getDetail()).isEqualTo("5001 domains listed, more than the 1024 the probe reads");
        assertThat(emulators.readCalls()).isEmpty();
    }

    @Test
    void shouldReportMissingToolsUnavailable(@TempDir Path empty) {
        final ToolRunner withoutXenstore = new ToolRunner(List.of(empty), 1024);
        final ListingResult result = new XenstoreListing(withoutXenstore, CALL, BUDGET, 1024).list();
        assertThat(result.getStatus()).isEqualTo(SourceStatus.UNAVAILABLE);
        assertThat(result.getDetail()).isEqualTo("xenstore-list is not installed");
        assertThat(result.getDomains()).isEmpty();
    }
}
