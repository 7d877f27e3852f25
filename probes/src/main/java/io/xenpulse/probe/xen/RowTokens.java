package io.xenpulse.probe.xen;

/**
 * The last few whitespace-separated tokens of a table row and everything before them (the head, trailing
 * whitespace removed, inner whitespace kept). Tables whose first column may contain spaces can only be
 * split this way.
 */
final class RowTokens {

    private final String head;
    private final String[] tokens;
    private final int gap;

    private RowTokens(String head, String[] tokens, int gap) {
        this.head = head;
        this.tokens = tokens;
        this.gap = gap;
    }

    /** Splits off the last {@code count} tokens, left to right; null when the line has fewer. */
    static RowTokens fromRight(String line, int count) {
        final String[] tokens = new String[count];
        int end = skipSpaceBackwards(line, line.length());
        int start = end;
        for (int i = count - 1; i >= 0; i--) {
            if (end == 0) {
                return null;
            }
            start = end;
            while (start > 0 && !isSpace(line.charAt(start - 1))) {
                start--;
            }
            tokens[i] = line.substring(start, end);
            end = skipSpaceBackwards(line, start);
        }
        return new RowTokens(line.substring(0, end), tokens, start - end);
    }

    String head() {
        return head;
    }

    /** How many blanks separate the head from the first token. */
    int gap() {
        return gap;
    }

    String token(int index) {
        return tokens[index];
    }

    private static int skipSpaceBackwards(String line, int from) {
        int end = from;
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isSpace(char c) {
        // ASCII blanks only: a name may contain a no-break space or other Unicode spaces as data
        return c == ' ' || c == '\t';
    }
}
