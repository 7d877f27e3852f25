package io.xenpulse.probe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import org.junit.jupiter.api.Test;

class DomainNamesTest {

    @Test
    void shouldReadMigratingNameAsNameInMigration() {
        assertThat(DomainNames.read("migrating-web01")).isEqualTo(new DomainNames.Listed("web01", true));
        assertThat(DomainNames.read("migrating-migrating-x")).isEqualTo(new DomainNames.Listed("migrating-x", true));
    }

    @Test
    void shouldKeepOtherNamesAsListed() {
        assertThat(DomainNames.read("web01")).isEqualTo(new DomainNames.Listed("web01", false));
        assertThat(DomainNames.read("migrating-")).isEqualTo(new DomainNames.Listed("migrating-", false));
        assertThat(DomainNames.read("Migrating-web01")).isEqualTo(new DomainNames.Listed("Migrating-web01", false));
        assertThat(DomainNames.read("web01-migrating-")).isEqualTo(new DomainNames.Listed("web01-migrating-", false));
    }

    @Test
    void shouldStartAnEntryWithNameAndMigrationFlag() {
        // when
        final DomainEntry entry = DomainNames.read("migrating-db 01").entry().setState(DomainState.RUNNING).build();
        // then
        assertThat(entry.getName()).isEqualTo("db 01");
        assertThat(entry.getMigrating()).isTrue();
        assertThat(entry.getDomainId()).isNull();
    }
}
