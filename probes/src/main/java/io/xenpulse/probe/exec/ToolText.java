package io.xenpulse.probe.exec;

/**
 * Makes text that came from a tool safe to carry, for every source that runs one: a result's {@code detail}
 * stays within {@value #MAX_DETAIL} characters and a log sample within {@value #MAX_SAMPLE}, with control
 * characters escaped so a tool printing terminal escapes or NUL bytes can neither garble a log nor forge log
 * lines. A tool's lines are joined with {@code " | "}, leaving {@code "; "} to the probes that put a tool's
 * message next to facts of their own.
 */
public final class ToolText {

    public static final int MAX_DETAIL = 300;
    public static final int MAX_SAMPLE = 200;
    private static final String ELLIPSIS = "…";

    private ToolText() {
    }

    /**
     * A tool's message as a one-line detail: lines trimmed and joined with {@code " | "}, blank lines
     * dropped, control characters escaped, at most {@value #MAX_DETAIL} characters.
     */
    public static String detail(String text) {
        final StringBuilder joined = new StringBuilder();
        for (String line : text.split("\\R")) {
            final String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append(" | ");
            }
            joined.append(trimmed);
            if (joined.length() > MAX_DETAIL) {
                break;
            }
        }
        return bounded(escaped(joined), MAX_DETAIL);
    }

    /** A short sample of unreadable output for a log line: newlines and control characters escaped. */
    public static String sample(String text) {
        return bounded(escaped(text.length() > MAX_SAMPLE * 2 ? text.substring(0, MAX_SAMPLE * 2) : text),
                MAX_SAMPLE);
    }

    /** Cuts {@code text} to {@code max} characters, never through a surrogate pair, marking the cut. */
    public static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * {@code text} on one line, as printable text: a line feed, carriage return or tab becomes {@code \n},
     * {@code \r} or {@code \t}, every other control character (C0, DEL, C1) {@code \xNN}. Not bounded.
     */
    public static String escaped(CharSequence text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
