package io.xenpulse.correlator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invariant 1: a relocated VM starts only on a node that is healthy, heard from and not the one it left. */
class TargetChooserTest {

    private final CorrelatorHarness harness = new CorrelatorHarness();

    @Test
    void shouldNeverChooseTheNodeTheVmLeaves() {
        // given: xen-1, the source, is the least loaded healthy node
        harness.observe(Observations.from("xen-1", 1));
        harness.observe(Observations.from("xen-2", 1).running("db01"));
        // when
        final var target = TargetChooser.choose(harness.state, "xen-1", harness.now, CorrelatorHarness.POLICY);
        // then
        assertThat(target).contains("xen-2");
    }

    @Test
    void shouldNeverChooseASilentNode() {
        // given: xen-2 is empty but has been silent for longer than the silence bound; xen-3 is busy
        harness.observe(Observations.from("xen-2", 1));
        for (long s = 1; s <= 16; s++) {
            harness.observe(Observations.from("xen-3", s).running("db01", "app01"));
            harness.pass(Duration.ofSeconds(1));
        }
        // when
        final var target = TargetChooser.choose(harness.state, "xen-1", harness.now, CorrelatorHarness.POLICY);
        // then
        assertThat(target).contains("xen-3");
    }

    @Test
    void shouldNeverChooseANodeWhoseDaemonIsDown() {
        // given: xen-2 is empty but its xend is down
        harness.observe(Observations.from("xen-2", 1).xendDown());
        harness.observe(Observations.from("xen-3", 1).running("db01", "app01"));
        // when
        final var target = TargetChooser.choose(harness.state, "xen-1", harness.now, CorrelatorHarness.POLICY);
        // then
        assertThat(target).contains("xen-3");
    }

    @Test
    void shouldChooseTheLeastLoadedEligibleNode() {
        // given
        harness.observe(Observations.from("xen-2", 1).running("db01", "app01"));
        harness.observe(Observations.from("xen-3", 1).running("web01"));
        // when
        final var target = TargetChooser.choose(harness.state, "xen-1", harness.now, CorrelatorHarness.POLICY);
        // then
        assertThat(target).contains("xen-3");
    }
}
