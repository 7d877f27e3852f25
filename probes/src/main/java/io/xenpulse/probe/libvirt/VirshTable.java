package io.xenpulse.probe.libvirt;

import io.xenpulse.probe.signals.DomainNames;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the table {@code virsh list --all} prints, in both layouts libvirt has used:
 * <pre>
 *  Id   Name      State          (libvirt 4.x and later: vshTable, columns 3 spaces apart)
 * ------------------------------
 *  1    web01     running
 *  -    old vm    shut off
 *
 *  Id    Name                           State      (older: printf " %-5s %-30s %s")
 * ----------------------------------------------------
 *  1     web01                          running
 * </pre>
 * Names may contain spaces, and a wide character pads its column by its display width, so columns are not
 * found by position: the id is the first word, the state is the end of the row (one of virsh's own state
 * texts), and the name is what lies between. States are normalised as the correlator expects; "shut off"
 * (defined, not running) becomes SHUTDOWN, "no state" (how libvirt's Xen driver shows Domain-0) UNKNOWN.
 */
final class VirshTable {

    private static final Pattern HEADER = Pattern.compile("\\s*Id\\s+Name\\s+State\\s*");
    private static final Pattern RULE = Pattern.compile("-{3,}");
    private static final Pattern ROW = Pattern.compile("(\\d{1,10}|-)\\s+(\\S.*)");
    /** virsh's state texts (tools/virsh-domain-monitor.c, virshDomainState), plus "dying" and "saved". */
    private static final Map<String, DomainState> STATES = Map.ofEntries(
            Map.entry("running", DomainState.RUNNING),
            Map.entry("idle", DomainState.BLOCKED),
            Map.entry("blocked", DomainState.BLOCKED),
            Map.entry("paused", DomainState.PAUSED),
            Map.entry("pmsuspended", DomainState.PAUSED),
            Map.entry("in shutdown", DomainState.SHUTDOWN),
            Map.entry("shut off", DomainState.SHUTDOWN),
            Map.entry("crashed", DomainState.CRASHED),
            Map.entry("dying", DomainState.DYING),
            Map.entry("no state", DomainState.UNKNOWN),
            Map.entry("saved", DomainState.UNKNOWN));
    /** Longest first, so "in shutdown" is not taken for a name ending in "in". */
    private static final List<String> STATE_TEXTS = STATES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** When the state is not one virsh is known to print, the columns are told apart by their padding. */
    private static final Pattern PADDED_LAST_COLUMN = Pattern.compile("(.*\\S)\\s{2,}(\\S.*)");

    private VirshTable() {
    }

    static List<DomainEntry> parse(String output) throws UnreadableListing {
        final List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !HEADER.matcher(lines.get(0)).matches()) {
            throw new UnreadableListing("no 'Id Name State' header");
        }
        if (lines.size() < 2 || !RULE.matcher(lines.get(1).strip()).matches()) {
            throw new UnreadableListing("no dashed line under the header");
        }
        final List<DomainEntry> domains = new ArrayList<>(lines.size() - 2);
        for (String line : lines.subList(2, lines.size())) {
            domains.add(row(line));
        }
        return domains;
    }

    private static DomainEntry row(String line) throws UnreadableListing {
        final Matcher matcher = ROW.matcher(line.strip());
        if (!matcher.matches()) {
            throw new UnreadableListing("row does not start with an id or '-'");
        }
        final String id = matcher.group(1);
        final String rest = matcher.group(2);
        for (String state : STATE_TEXTS) {
            if (rest.endsWith(state) && rest.length() > state.length()
                    && Character.isWhitespace(rest.charAt(rest.length() - state.length() - 1))) {
                return entry(id, rest.substring(0, rest.length() - state.length()).strip(), STATES.get(state));
            }
        }
        final Matcher padded = PADDED_LAST_COLUMN.matcher(rest);
        if (!padded.matches()) {
            throw new UnreadableListing("row has no state column");
        }
        return entry(id, padded.group(1), DomainState.UNKNOWN);
    }

    private static DomainEntry entry(String id, String name, DomainState state) throws UnreadableListing {
        if (name.isEmpty()) {
            throw new UnreadableListing("row has no name");
        }
        return DomainNames.read(name).entry()
                .setState(state)
                .setDomainId(id.equals("-") ? null : parseId(id))
                .build();
    }

    private static Integer parseId(String id) throws UnreadableListing {
        try {
            return Integer.valueOf(id);
        } catch (NumberFormatException e) {
            throw new UnreadableListing("domain id " + id + " out of range");
        }
    }
}
