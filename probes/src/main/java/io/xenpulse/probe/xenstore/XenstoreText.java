package io.xenpulse.probe.xenstore;

import io.xenpulse.probe.exec.ToolText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the xenstore command-line tools print, read back: the children {@code xenstore-list} prints one per
 * line, and the values {@code xenstore-read} prints escaped. Current xenstore-read passes printable ASCII
 * through and writes every other byte as {@code \t \n \r \\}, {@code \ooo} (below 8) or {@code \xNN}
 * (tools/xenstore/xenstore_client.c, sanitise_value), so a name is one line and its UTF-8 comes back
 * byte for byte; the first xenstore-read (2005) printed raw bytes, which decode the same unless a name
 * holds a backslash or a line break. Shaping tool text for results and logs is {@link ToolText}'s.
 */
final class XenstoreText {

    private static final Pattern DOMAIN_ID = Pattern.compile("\\d{1,9}");

    private XenstoreText() {
    }

    /** The domain ids of {@code xenstore-list /local/domain}: one decimal number per line, no repeats. */
    static List<Integer> domainIds(String output) throws UnreadableOutput {
        final List<Integer> ids = new ArrayList<>();
        final Set<Integer> seen = new HashSet<>();
        for (String line : output.split("\n", -1)) {
            final String id = line.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!DOMAIN_ID.matcher(id).matches()) {
                throw new UnreadableOutput("'" + ToolText.bounded(ToolText.escaped(id), 40) + "' is not a domain id");
            }
            if (!seen.add(Integer.valueOf(id))) {
                throw new UnreadableOutput("domain " + id + " listed twice");
            }
            ids.add(Integer.valueOf(id));
        }
        if (ids.isEmpty()) {
            throw new UnreadableOutput("no domains listed, not even Domain-0");
        }
        return ids;
    }

    /** The values of one {@code xenstore-read} of several paths: one line each, escapes undone. */
    static List<String> values(String output, int expected) throws UnreadableOutput {
        final List<String> lines = List.of(output.split("\n", -1));
        // every value ends with a newline, so the text after the last one is empty
        if (lines.size() != expected + 1 || !lines.get(expected).isEmpty()) {
            throw new UnreadableOutput("expected " + expected + " values, got " + (lines.size() - 1) + " lines");
        }
        return lines.subList(0, expected).stream().map(XenstoreText::unescaped).toList();
    }

    /** Undoes xenstore-read's escaping (the reverse of sanitise_value, as its unsanitise_value does). */
    static String unescaped(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            final char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                final int end = i + Character.charCount(value.codePointAt(i));
                bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            i = unescapeOne(value, i + 1, bytes);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes the byte of the escape whose letter is at {@code at}; returns where the next character starts. */
    private static int unescapeOne(String value, int at, ByteArrayOutputStream bytes) {
        final char kind = value.charAt(at);
        switch (kind) {
            case 't' -> bytes.write('\t');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 'x' -> {
                final int digits = run(value, at + 1, 2, 16);
                if (digits == 0) {
                    bytes.write('x');
                    return at + 1;
                }
                bytes.write(Integer.parseInt(value.substring(at + 1, at + 1 + digits), 16));
                return at + 1 + digits;
            }
            default -> {
                final int digits = run(value, at, 3, 8);
                if (digits == 0) {
                    bytes.writeBytes(String.valueOf(kind).getBytes(StandardCharsets.UTF_8));
                    return at + 1;
                }
                bytes.write(Integer.parseInt(value.substring(at, at + digits), 8) & 0xff);
                return at + digits;
            }
        }
        return at + 1;
    }

    private static int run(String value, int from, int max, int radix) {
        int n = 0;
        while (n < max && from + n < value.length() && Character.digit(value.charAt(from + n), radix) >= 0) {
            n++;
        }
        return n;
    }
}
