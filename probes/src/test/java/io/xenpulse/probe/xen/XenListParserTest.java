package io.xenpulse.probe.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class XenListParserTest {

    private static final String XM_HEADER =
            "Name                                        ID   Mem VCPUs      State   Time(s)\n";
    private static final String XL_HEADER =
            "Name                                        ID   Mem VCPUs\tState\tTime(s)\n";
    private static final String XM_DOM0 =
            "Domain-0                                     0  1023     1     r----- 121152.6\n";
    private static final String XL_DOM0 =
            "Domain-0                                     0  1023     1     r-----  154706.1\n";

    private final XenListParser xm = XenListParser.forXm();
    private final XenListParser xl = XenListParser.forXl();

    @Test
    void shouldReadEveryRowOfARealXlCapture() {
        // given: ganeti/ganeti test/data/xen-xl-list-4.0.1-four-instances.txt
        final String output = XM_HEADER + XM_DOM0
                + "server01.example.com                         1  1024     1     -b---- 167643.2\n"
                + "web3106215069.example.com                    3  4096     1     -b---- 466690.9\n"
                + "testinstance.example.com                     2  2048     2     r----- 244443.0\n";
        // when
        final List<DomainEntry> domains = listed(xl.parse(output));
        // then
        assertThat(domains).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("server01.example.com", 1, DomainState.BLOCKED, false),
                entry("web3106215069.example.com", 3, DomainState.BLOCKED, false),
                entry("testinstance.example.com", 2, DomainState.RUNNING, false));
    }

    @Test
    void shouldMapEachXmStateFlagToOneState() {
        final String output = XM_HEADER + XM_DOM0
                + row("b", 1, "-b----") + row("p", 2, "--p---") + row("s", 3, "---s--") + row("c", 4, "----c-")
                + row("d", 5, "-----d") + row("between", 6, "------") + row("paused-blocked", 7, "-bp---")
                + row("crashed-shutdown", 8, "---sc-") + row("dying-shutdown", 9, "---s-d");
        assertThat(listed(xm.parse(output))).extracting(DomainEntry::getName, DomainEntry::getState).containsExactly(
                tuple("Domain-0", DomainState.RUNNING), tuple("b", DomainState.BLOCKED),
                tuple("p", DomainState.PAUSED), tuple("s", DomainState.SHUTDOWN), tuple("c", DomainState.CRASHED),
                tuple("d", DomainState.DYING), tuple("between", DomainState.UNKNOWN),
                tuple("paused-blocked", DomainState.PAUSED), tuple("crashed-shutdown", DomainState.CRASHED),
                tuple("dying-shutdown", DomainState.DYING));
    }

    @Test
    void shouldReadXlsFifthFlagAsTheShutdownReason() {
        // given: ganeti/ganeti test/data/xen-xl-list-4.4-crashed-instances.txt plus the other reasons
        final String output = XL_HEADER + XL_DOM0
                + "(null)                                   28441   789     1     --psc-      1.2\n"
                + "alsodying.example.com                    28448  1024     1     --psc-      1.4\n"
                + xlRow("suspended", 30, "---ss-") + xlRow("rebooting", 31, "---sr-")
                + xlRow("powered-off", 32, "---s--") + xlRow("watchdog", 33, "---sw-");
        assertThat(listed(xl.parse(output))).extracting(DomainEntry::getName, DomainEntry::getState).containsExactly(
                tuple("Domain-0", DomainState.RUNNING), tuple("(null)", DomainState.CRASHED),
                tuple("alsodying.example.com", DomainState.CRASHED), tuple("suspended", DomainState.SHUTDOWN),
                tuple("rebooting", DomainState.SHUTDOWN), tuple("powered-off", DomainState.SHUTDOWN),
                tuple("watchdog", DomainState.SHUTDOWN));
    }

    @Test
    void shouldRefuseXlsShutdownReasonsInAnXmListing() {
        final ParseOutcome outcome = xm.parse(XM_HEADER + XM_DOM0 + row("suspended", 30, "---ss-"));
        assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.Unreadable.class,
                bad -> assertThat(bad.reason()).isEqualTo("unreadable row 3"));
    }

    @Test
    void shouldKeepAnyCharacterOfANameAsData() {
        // given: names with spaces, quotes, ';', shell syntax and non-ASCII, and one longer than its column
        final List<String> names = List.of("web 01 (prod)", "db \"primary\"", "it's-mine",
                "a;b; touch /tmp/xenpulse-pwned", "$(reboot) `id`", "café-ünïcode-数据库",
                "no\u00a0break space", "a-very-long-domain-name-that-is-longer-than-forty-characters.example.com");
        final StringBuilder output = new StringBuilder(XM_HEADER + XM_DOM0);
        for (int i = 0; i < names.size(); i++) {
            output.append(row(names.get(i), 10 + i, "-b----"));
        }
        // when / then
        assertThat(listed(xm.parse(output.toString()))).extracting(DomainEntry::getName)
                .containsExactlyElementsOf(concat("Domain-0", names));
    }

    @Test
    void shouldReadATrailingNumberInANameAsPartOfTheNameWhenTheIdFollows() {
        final List<DomainEntry> domains = listed(xm.parse(XM_HEADER + XM_DOM0 + row("batch 7", 10, "r-----")));
        assertThat(domains.get(1)).isEqualTo(entry("batch 7", 10, DomainState.RUNNING, false));
    }

    @Test
    void shouldReadXmsRowWithoutAnIdAsAManagedDomainThatIsNotRunning() {
        // given: xm prints the ID column empty for a domain xend manages but has not started
        final String halted = String.format("%-40s %5s %5d %5d %10s %8.1f%n", "managed-halted", "", 512, 1, "------", 0.0);
        // when
        final List<DomainEntry> domains = listed(xm.parse(XM_HEADER + XM_DOM0 + halted));
        // then
        assertThat(domains.get(1)).isEqualTo(entry("managed-halted", null, DomainState.SHUTDOWN, false));
    }

    @Test
    void shouldRefuseAnXlRowWithoutAnId() {
        final String noId = String.format("%-40s %5s %5d %5d     %s  %8.1f%n", "web01", "", 512, 1, "-b----", 1.0);
        assertThat(xl.parse(XL_HEADER + XL_DOM0 + noId)).isInstanceOf(ParseOutcome.Unreadable.class);
    }

    @Test
    void shouldReportXmsMigratingNameAsTheDomainMigrating() {
        final String output = XM_HEADER + XM_DOM0 + row("migrating-db01", 5, "-b-s--") + row("migrating-", 6, "-b----");
        assertThat(listed(xm.parse(output))).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("db01", 5, DomainState.SHUTDOWN, true),
                entry("migrating-", 6, DomainState.BLOCKED, false));
    }

    @Test
    void shouldReportXlsIncomingAndMigratedAwayNamesAsTheDomainMigrating() {
        final String output = XL_HEADER + XL_DOM0 + xlRow("web01--migratedaway", 3, "--pss-")
                + xlRow("db01--incoming", 6, "--p---") + xlRow("migrating-mail01", 7, "-b----");
        assertThat(listed(xl.parse(output))).containsExactly(
                entry("Domain-0", 0, DomainState.RUNNING, false),
                entry("web01", 3, DomainState.SHUTDOWN, true),
                entry("db01", 6, DomainState.PAUSED, true),
                entry("mail01", 7, DomainState.BLOCKED, true));
    }

    @Test
    void shouldKeepXlsMigrationSuffixesAsPlainNamesInAnXmListing() {
        final List<DomainEntry> domains = listed(xm.parse(XM_HEADER + XM_DOM0 + row("db01--incoming", 6, "-b----")));
        assertThat(domains.get(1)).isEqualTo(entry("db01--incoming", 6, DomainState.BLOCKED, false));
    }

    @Test
    void shouldAcceptBlankLinesCarriageReturnsAndTheOlderHeader() {
        final String output = "\r\nName                              ID Mem(MiB) VCPUs State  Time(s)\r\n"
                + "Domain-0                           0     3418     4 r-----    266.2\r\n\r\n";
        assertThat(listed(xm.parse(output))).containsExactly(entry("Domain-0", 0, DomainState.RUNNING, false));
    }

    @Test
    void shouldRefuseOutputThatIsNotACompleteListing() {
        assertThat(unreadableReason(xm.parse(""))).isEqualTo("no output");
        assertThat(unreadableReason(xm.parse("   \n\n"))).isEqualTo("no output");
        assertThat(unreadableReason(xm.parse(XM_HEADER))).isEqualTo("no Domain-0 row: not a complete listing");
        assertThat(unreadableReason(xm.parse(XM_DOM0))).isEqualTo("no Name/ID/State header");
        assertThat(unreadableReason(xm.parse("Segmentation fault\n"))).isEqualTo("no Name/ID/State header");
    }

    @Test
    void shouldRefuseTheWholeListingWhenOneRowIsUnreadable() {
        // a listing that dropped this row would report web02 as gone
        final String output = XM_HEADER + XM_DOM0 + row("web01", 3, "-b----") + "web02    4   512   -b----   1.0\n"
                + row("web03", 5, "-b----");
        assertThat(unreadableReason(xm.parse(output))).isEqualTo("unreadable row 4");
    }

    @Test
    void shouldRefuseRowsWhoseColumnsAreNotNumbersAndFlags() {
        for (String bad : List.of("web01 3 512 1 -x---- 1.0", "web01 3 5l2 1 -b---- 1.0", "web01 3 512 1 -b---- 1.0s",
                "3 512 1 -b---- 1.0", "  7 512 1 -b---- 1.0", "web01 3 512 1 -b---")) {
            assertThat(xm.parse(XM_HEADER + XM_DOM0 + bad + "\n")).as(bad).isInstanceOf(ParseOutcome.Unreadable.class);
        }
    }

    @Test
    void shouldNotMistakeARowThatLostAColumnForAManagedDomainWithoutId() {
        // a running domain between states whose vcpus column went missing must not read as halted
        assertThat(xm.parse(XM_HEADER + XM_DOM0 + "web02 4 512 ------ 1.0\n"))
                .isInstanceOf(ParseOutcome.Unreadable.class);
        assertThat(xm.parse(XM_HEADER + XM_DOM0 + "web02   4   512   -b----   1.0\n"))
                .isInstanceOf(ParseOutcome.Unreadable.class);
    }

    @Test
    void shouldReadALongListing() {
        final StringBuilder output = new StringBuilder(XL_HEADER + XL_DOM0);
        for (int id = 1; id <= 5000; id++) {
            output.append(xlRow("guest" + id, id, "-b----"));
        }
        assertThat(listed(xl.parse(output.toString()))).hasSize(5001).last()
                .isEqualTo(entry("guest5000", 5000, DomainState.BLOCKED, false));
    }

    @Test
    void shouldReadPathologicalLinesInLinearTime() {
        // a backtracking regex would take hours on a megabyte of blanks and digits; a sanity bound only
        final String blanks = XM_HEADER + XM_DOM0 + " 1".repeat(500_000) + " x\n";
        final String spaces = XM_HEADER + XM_DOM0 + "x" + " ".repeat(1_000_000) + "1\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(xm.parse(blanks)).isInstanceOf(ParseOutcome.Unreadable.class);
            assertThat(xm.parse(spaces)).isInstanceOf(ParseOutcome.Unreadable.class);
        });
    }

    static String row(String name, int id, String flags) {
        return String.format("%-40s %5d %5d %5d %10s %8.1f%n", name, id, 512, 1, flags, 1.0);
    }

    static String xlRow(String name, int id, String flags) {
        return String.format("%-40s %5d %5d %5d     %s  %8.1f%n", name, id, 512, 1, flags, 1.0);
    }

    static DomainEntry entry(String name, Integer id, DomainState state, boolean migrating) {
        return DomainEntry.newBuilder().setName(name).setDomainId(id).setState(state).setMigrating(migrating).build();
    }

    private static List<DomainEntry> listed(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Listed.class);
        return ((ParseOutcome.Listed) outcome).domains();
    }

    private static String unreadableReason(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Unreadable.class);
        return ((ParseOutcome.Unreadable) outcome).reason();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static List<String> concat(String first, List<String> rest) {
        final List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
