package io.xenpulse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The logback.xml shipped in the probe jar must load cleanly: a broken one prints its status on stdout. */
class ShippedLogbackConfigTest {

    @Test
    void shouldLoadTheShippedConfigurationWithoutErrors() throws Exception {
        // given
        final URL shipped = ProbeMain.class.getResource("/logback.xml");
        final LoggerContext context = new LoggerContext();
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        // when
        configurator.doConfigure(shipped);
        // then
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .filteredOn(status -> status.getLevel() >= Status.WARN).isEmpty();
        assertThat(context.getLogger("org.apache.kafka").getLevel()).hasToString("WARN");
    }
}
