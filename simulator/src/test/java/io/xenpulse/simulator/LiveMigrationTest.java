package io.xenpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.DomainState;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveMigrationTest {

    private static final Instant T0 = Instant.parse("2009-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedCluster cluster = SimulatedCluster.builder("prod-a", clock)
            .node("xen-1").node("xen-2")
            .vm("web01", "xen-1")
            .build();

    @Test
    void shouldListTheVmMigratingOnTheSourceAndPausedOnTheTargetUntilTheHandover() {
        // when
        final ActionOutcome started = cluster.migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(1));

        // then
        assertThat(started.succeeded()).isTrue();
        assertThat(entry("xen-1", "web01")).satisfies(e -> {
            assertThat(e.getMigrating()).isTrue();
            assertThat(e.getState()).isEqualTo(DomainState.RUNNING);
        });
        assertThat(entry("xen-2", "web01")).satisfies(e -> {
            assertThat(e.getMigrating()).isTrue();
            assertThat(e.getState()).isEqualTo(DomainState.PAUSED);
        });
        assertThat(cluster.locate("web01")).containsExactly("xen-1");
        assertThat(cluster.invariantMonitor().holds()).isTrue();
    }

    @Test
    void shouldRunTheVmOnlyOnTheTargetAfterTheHandover() {
        // given
        cluster.migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(3));

        // when
        clock.advance(Duration.ofSeconds(3));

        // then
        assertThat(cluster.locate("web01")).containsExactly("xen-2");
        assertThat(Signals.names(Signals.listing(Signals.of(cluster.node("xen-1")), ListingSource.XM)))
                .doesNotContain("web01");
        assertThat(entry("xen-2", "web01").getMigrating()).isFalse();
        assertThat(cluster.invariantMonitor().holds()).isTrue();
        assertThat(cluster.actionLog().entries()).extracting(ActionRecord::kind)
                .containsSubsequence(ActionKind.MIGRATION_START, ActionKind.MIGRATION_DONE);
    }

    @Test
    void shouldKeepTheVmRunningOnTheSourceWhenTheTargetLosesPowerMidway() {
        // given
        cluster.migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(1));

        // when
        cluster.losePower("xen-2");
        clock.advance(Duration.ofSeconds(5));

        // then
        assertThat(cluster.locate("web01")).containsExactly("xen-1");
        assertThat(entry("xen-1", "web01").getMigrating()).isFalse();
    }

    @Test
    void shouldLoseTheVmWhenTheSourceLosesPowerMidway() {
        // given
        cluster.migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(1));

        // when
        cluster.losePower("xen-1");
        clock.advance(Duration.ofSeconds(5));

        // then
        assertThat(cluster.locate("web01")).isEmpty();
        assertThat(cluster.node("xen-2").readSignals().orElseThrow().listings().get(0).getDomains())
                .extracting(DomainEntry::getName).containsExactly("Domain-0");
    }

    @Test
    void shouldRefuseToMigrateThroughADeadXend() {
        // given
        cluster.node("xen-1").stopXend(Duration.ZERO);

        // when
        final ActionOutcome refused = cluster.migrate("web01", "xen-1", "xen-2", Duration.ofSeconds(3));

        // then
        assertThat(refused.succeeded()).isFalse();
        assertThat(cluster.locate("web01")).containsExactly("xen-1");
    }

    private DomainEntry entry(String node, String vm) {
        return Signals.listing(Signals.of(cluster.node(node)), ListingSource.XL).getDomains().stream()
                .filter(e -> e.getName().equals(vm)).findFirst()
                .orElseThrow(() -> new AssertionError(vm + " not listed on " + node));
    }
}
