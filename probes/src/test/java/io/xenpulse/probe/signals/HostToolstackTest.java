package io.xenpulse.probe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.Toolstack;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostToolstackTest {

    /** Every combination of the four listing tools, with the toolstack (and so the control daemon) it means. */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            xm xl xenstore virsh | XM
            xm xl xenstore       | XM
            xm xl virsh          | XM
            xm xenstore virsh    | XM
            xm xl                | XM
            xm xenstore          | XM
            xm virsh             | XM
            xm                   | XM
            xl xenstore virsh    | XL
            xl xenstore          | XL
            xl virsh             | XL
            xenstore virsh       | XL
            xl                   | XL
            xenstore             | XL
            virsh                | LIBVIRT
            ''                   | NONE
            """)
    void shouldJudgeTheToolstackByTheControlDaemonOfTheToolsFound(String tools, Toolstack expected) {
        // given
        final Set<ListingSource> usable = sources(tools);
        // when
        final Toolstack toolstack = HostToolstack.from(usable);
        // then
        assertThat(toolstack).isEqualTo(expected);
    }

    private static Set<ListingSource> sources(String tools) {
        final Set<ListingSource> sources = EnumSet.noneOf(ListingSource.class);
        Arrays.stream(tools.strip().split("\\s+")).filter(tool -> !tool.isEmpty())
                .map(tool -> ListingSource.valueOf(tool.toUpperCase(Locale.ROOT)))
                .forEach(sources::add);
        return sources;
    }
}
