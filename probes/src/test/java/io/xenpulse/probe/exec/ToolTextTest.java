package io.xenpulse.probe.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolTextTest {

    @Test
    void shouldJoinAToolsLinesIntoOneDetailLine() {
        assertThat(ToolText.detail("  first line  \n\n\tsecond\r\nthird\n")).isEqualTo("first line | second | third");
    }

    @Test
    void shouldEscapeControlCharactersSoTheyCannotForgeLogLines() {
        assertThat(ToolText.sample("a\nb\u001b[31mc\u0000")).isEqualTo("a\\nb\\x1b[31mc\\x00");
        assertThat(ToolText.detail("x\u0007y")).isEqualTo("x\\x07y");
        assertThat(ToolText.sample("a\tb\rc\u007fd\u009be")).isEqualTo("a\\tb\\rc\\x7fd\\x9be");
    }

    @Test
    void shouldDropBlankLinesAndEscapeTerminalEscapesInADetail() {
        assertThat(ToolText.detail("line one\n\n  line two\u001b[2J\n")).isEqualTo("line one | line two\\x1b[2J");
        assertThat(ToolText.detail("x".repeat(1000))).hasSize(300).endsWith("…");
        assertThat(ToolText.sample("a\nb")).isEqualTo("a\\nb");
    }

    @Test
    void shouldBoundDetailsAndSamples() {
        final String detail = ToolText.detail("e".repeat(5000));
        assertThat(detail).hasSize(ToolText.MAX_DETAIL).endsWith("…");
        assertThat(ToolText.sample("s".repeat(5000))).hasSize(ToolText.MAX_SAMPLE);
        assertThat(ToolText.sample("\n".repeat(5000))).hasSize(ToolText.MAX_SAMPLE);
    }

    @Test
    void shouldNeverCutThroughASurrogatePair() {
        final String emoji = "\uD83D\uDE00";
        final String text = "a".repeat(ToolText.MAX_DETAIL - 2) + emoji + "tail";
        final String bounded = ToolText.bounded(text, ToolText.MAX_DETAIL);
        assertThat(bounded).hasSizeLessThanOrEqualTo(ToolText.MAX_DETAIL).doesNotContain("\uD83D…");
        assertThat(Character.isHighSurrogate(bounded.charAt(bounded.length() - 2))).isFalse();
    }
}
