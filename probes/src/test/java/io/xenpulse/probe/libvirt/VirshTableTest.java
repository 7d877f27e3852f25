package io.xenpulse.probe.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layouts virsh cannot be made to print here: older libvirt, and output that is not a table. */
class VirshTableTest {

    /** libvirt before 4.4 printed " %-5s %-30s %s" (tools/virsh-domain-monitor.c, cmdList). */
    private static final String PRINTF_LAYOUT = """
             Id    Name                           State
            ----------------------------------------------------
             0     Domain-0                       no state
             3     web01                          idle
             -     a-name-of-thirty-or-more-characters shut off

            """;

    @Test
    void shouldReadTheOlderPrintfLayout() throws UnreadableListing {
        final List<DomainEntry> domains = VirshTable.parse(PRINTF_LAYOUT);
        assertThat(domains).extracting(DomainEntry::getName, DomainEntry::getState, DomainEntry::getDomainId)
                .containsExactly(
                        tuple("Domain-0", DomainState.UNKNOWN, 0),
                        tuple("web01", DomainState.BLOCKED, 3),
                        tuple("a-name-of-thirty-or-more-characters", DomainState.SHUTDOWN,
                                null));
    }

    @Test
    void shouldReadAnEmptyTableAsNoDomains() throws UnreadableListing {
        assertThat(VirshTable.parse(" Id   Name   State\n--------------------\n\n")).isEmpty();
    }

    @Test
    void shouldKeepAStateVirshIsNotKnownToPrintAsUnknown() throws UnreadableListing {
        final List<DomainEntry> domains = VirshTable.parse(
                " Id   Name      State\n----------------------\n 4    db 02     hibernating\n");
        assertThat(domains).singleElement().satisfies(d -> {
            assertThat(d.getName()).isEqualTo("db 02");
            assertThat(d.getState()).isEqualTo(DomainState.UNKNOWN);
        });
    }

    @Test
    void shouldRefuseOutputWithoutTheHeader() {
        assertThatThrownBy(() -> VirshTable.parse("<html>502 Bad Gateway</html>\n"))
                .isInstanceOf(UnreadableListing.class).hasMessage("no 'Id Name State' header");
        assertThatThrownBy(() -> VirshTable.parse(""))
                .isInstanceOf(UnreadableListing.class).hasMessage("no 'Id Name State' header");
    }

    @Test
    void shouldRefuseAHeaderWithoutItsRule() {
        assertThatThrownBy(() -> VirshTable.parse(" Id   Name   State\n 1    web01  running\n"))
                .isInstanceOf(UnreadableListing.class).hasMessage("no dashed line under the header");
    }

    @Test
    void shouldRefuseARowThatDoesNotStartWithAnId() {
        assertThatThrownBy(() -> VirshTable.parse(" Id   Name   State\n-----------\n web01  running\n"))
                .isInstanceOf(UnreadableListing.class).hasMessage("row does not start with an id or '-'");
    }

    @Test
    void shouldRefuseARowWithoutAState() {
        assertThatThrownBy(() -> VirshTable.parse(" Id   Name   State\n-----------\n 1    web01\n"))
                .isInstanceOf(UnreadableListing.class).hasMessage("row has no state column");
    }

    @Test
    void shouldRefuseAnIdBeyondAnInt() {
        assertThatThrownBy(() -> VirshTable.parse(" Id   Name   State\n-----------\n 9999999999   web01   running\n"))
                .isInstanceOf(UnreadableListing.class).hasMessageContaining("out of range");
    }
}
