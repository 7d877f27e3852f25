package io.xenpulse.probe.libvirt;

import java.util.stream.Collectors;

/**
 * Shapes a tool's text for results and logs: a detail is the tool's message on one line, at most 300
 * characters; a log sample is at most 200. Control characters are escaped in both, so a hostile or broken
 * tool cannot forge log lines or smuggle terminal escapes into an operator's screen.
 */
final class ToolText {

    static final int MAX_DETAIL = 300;
    static final int MAX_SAMPLE = 200;

    private ToolText() {
    }

    /** The non-blank lines of {@code text} joined with "; ", escaped and bounded. */
    static String detail(String text) {
        final String oneLine = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("; "));
        return bounded(escaped(oneLine), MAX_DETAIL);
    }

    /** The start of {@code text}, line breaks included but escaped, for a log line. */
    static String sample(String text) {
        return bounded(escaped(text.length() > MAX_SAMPLE * 2 ? text.substring(0, MAX_SAMPLE * 2) : text), MAX_SAMPLE);
    }

    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 3;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "...";
    }

    private static String escaped(String text) {
        final StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
