package io.xenpulse.probe.xen;

import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the classic domain table that {@code xm list} and {@code xl list} print:
 * <pre>
 * Name                                        ID   Mem VCPUs      State   Time(s)
 * Domain-0                                     0  1024     2     r-----   1234.5
 * web01                                        3   512     1     -b----     12.3
 * </pre>
 * The name is left-aligned and may hold spaces, quotes, {@code ;} or any other character, so each row is
 * read from the right: time, state flags, vcpus and memory are the last four fields, and a number just
 * before them is the ID. Linear in the input (no backtracking regex over tool output).
 * <p>
 * All or nothing: one unreadable row, a missing header or a missing {@code Domain-0} makes the whole
 * listing {@link ParseOutcome.Unreadable}, because a listing that silently lost a row would report that
 * domain as gone.
 */
public final class XenListParser {

    private static final String HOST_DOMAIN = "Domain-0";
    private static final int MAX_NUMBER_DIGITS = 9;
    private static final String NO_FLAGS = "------";
    /** Separator, the narrowest empty ID column xm ever printed ({@code %3s}), separator. */
    private static final int BLANK_ID_MIN_GAP = 5;

    private final ListDialect dialect;

    private XenListParser(ListDialect dialect) {
        this.dialect = dialect;
    }

    public static XenListParser forXm() {
        return new XenListParser(ListDialect.XM);
    }

    public static XenListParser forXl() {
        return new XenListParser(ListDialect.XL);
    }

    public ParseOutcome parse(String output) {
        final String[] lines = output.split("\\R");
        int row = 0;
        while (row < lines.length && lines[row].isBlank()) {
            row++;
        }
        if (row == lines.length) {
            return new ParseOutcome.Unreadable("no output", "");
        }
        if (!isHeader(lines[row])) {
            return new ParseOutcome.Unreadable("no Name/ID/State header", lines[row]);
        }
        final List<DomainEntry> domains = new ArrayList<>();
        for (row++; row < lines.length; row++) {
            if (lines[row].isBlank()) {
                continue;
            }
            final DomainEntry entry = readRow(lines[row]);
            if (entry == null) {
                return new ParseOutcome.Unreadable("unreadable row " + (row + 1), lines[row]);
            }
            domains.add(entry);
        }
        if (domains.stream().noneMatch(XenListParser::isHost)) {
            return new ParseOutcome.Unreadable("no " + HOST_DOMAIN + " row: not a complete listing", output);
        }
        return new ParseOutcome.Listed(domains);
    }

    private static boolean isHeader(String line) {
        final List<String> columns = Arrays.asList(line.strip().split("\\s+"));
        return columns.get(0).equals("Name") && columns.contains("ID") && columns.contains("State");
    }

    private static boolean isHost(DomainEntry entry) {
        final boolean hostId = entry.getDomainId() != null && entry.getDomainId() == 0;
        return hostId || HOST_DOMAIN.equals(entry.getName()) && !entry.getMigrating();
    }

    /** The row as a domain, or null when it is not a row of this table. */
    private DomainEntry readRow(String line) {
        final RowTokens tail = RowTokens.fromRight(line, 4);
        if (tail == null) {
            return null;
        }
        final String mem = tail.token(0);
        final String vcpus = tail.token(1);
        final String flags = tail.token(2);
        final String time = tail.token(3);
        if (!isNumber(mem) || !isNumber(vcpus) || !isTime(time) || !dialect.validFlags(flags)) {
            return null;
        }
        final RowTokens head = RowTokens.fromRight(tail.head(), 1);
        final boolean hasId = head != null && isNumber(head.token(0)) && !head.head().isBlank();
        if (!hasId && !blankIdColumn(tail, flags)) {
            return null;
        }
        final String listed = hasId ? head.head() : tail.head();
        if (listed.isBlank()) {
            return null;
        }
        return entry(listed, hasId ? Integer.valueOf(head.token(0)) : null, dialect.stateOf(flags, hasId));
    }

    /**
     * Whether a row without an ID is xm's row for a managed domain that is not running, rather than a row
     * that lost a column: only xm leaves the ID empty, only for such a domain (no flag set), and its
     * empty ID column leaves at least {@value #BLANK_ID_MIN_GAP} blanks between the name and the memory.
     */
    private boolean blankIdColumn(RowTokens tail, String flags) {
        return dialect.idMayBeBlank() && flags.equals(NO_FLAGS) && tail.gap() >= BLANK_ID_MIN_GAP;
    }

    private DomainEntry entry(String listed, Integer domainId, DomainState state) {
        return dialect.read(listed).entry()
                .setState(state)
                .setDomainId(domainId)
                .build();
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.length() <= MAX_NUMBER_DIGITS && token.chars().allMatch(Character::isDigit);
    }

    private static boolean isTime(String token) {
        final int dot = token.indexOf('.');
        if (dot < 0) {
            return isNumber(token);
        }
        return token.length() <= 2 * MAX_NUMBER_DIGITS && isNumber(token.substring(0, dot))
                && isNumber(token.substring(dot + 1));
    }
}
