package io.xenpulse.probe.xenstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XenstoreTextTest {

    @Test
    void shouldUndoXenstoreReadsEscapes() {
        assertThat(XenstoreText.unescaped("caf\\xc3\\xa9")).isEqualTo("café");
        assertThat(XenstoreText.unescaped("a\\tb\\nc\\rd\\\\e")).isEqualTo("a\tb\nc\rd\\e");
        assertThat(XenstoreText.unescaped("bell\\007")).isEqualTo("bell\u0007");
        assertThat(XenstoreText.unescaped("\\xe6\\x95\\xb0")).isEqualTo("数");
    }

    @Test
    void shouldPassRawTextOfOldToolsThrough() {
        assertThat(XenstoreText.unescaped("fünf vm")).isEqualTo("fünf vm");
        assertThat(XenstoreText.unescaped("emoji \uD83D\uDE00 \\x41")).isEqualTo("emoji \uD83D\uDE00 A");
    }

    @Test
    void shouldKeepWhatIsNoEscapeAsUnsanitiseValueDoes() {
        assertThat(XenstoreText.unescaped("trailing\\")).isEqualTo("trailing\\");
        assertThat(XenstoreText.unescaped("\\q\\xzz\\9")).isEqualTo("qxzz9");
    }

    @Test
    void shouldReplaceBytesThatAreNotUtf8() {
        assertThat(XenstoreText.unescaped("bad\\xff")).isEqualTo("bad\uFFFD");
    }

    @Test
    void shouldReadDomainIdsOnePerLine() throws UnreadableOutput {
        assertThat(XenstoreText.domainIds("0\n3\n12\n")).containsExactly(0, 3, 12);
    }

    @Test
    void shouldRefuseAListingThatIsNotDomainIds() {
        assertThatThrownBy(() -> XenstoreText.domainIds("0\nDomain-0\n"))
                .isInstanceOf(UnreadableOutput.class).hasMessage("'Domain-0' is not a domain id");
        assertThatThrownBy(() -> XenstoreText.domainIds("0\n3\n3\n"))
                .isInstanceOf(UnreadableOutput.class).hasMessage("domain 3 listed twice");
        assertThatThrownBy(() -> XenstoreText.domainIds("-1\n"))
                .isInstanceOf(UnreadableOutput.class).hasMessage("'-1' is not a domain id");
    }

    @Test
    void shouldRefuseValuesThatDoNotMatchThePathsRead() {
        assertThatThrownBy(() -> XenstoreText.values("web01\n", 2))
                .isInstanceOf(UnreadableOutput.class).hasMessage("expected 2 values, got 1 lines");
        assertThatThrownBy(() -> XenstoreText.values("web01", 1))
                .isInstanceOf(UnreadableOutput.class);
    }
}
