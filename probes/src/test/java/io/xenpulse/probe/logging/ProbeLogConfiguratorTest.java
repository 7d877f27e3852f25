package io.xenpulse.probe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ProbeLogConfiguratorTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream originalStderr = System.err;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void captureStderr() {
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one MDC.put writes to
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        context.stop();
        System.setErr(originalStderr);
    }

    @Test
    void shouldLogToStderrAtTheConfiguredLevelWithClusterAndNode() {
        // given
        ProbeLogConfigurator.configure(context, " debug ");
        final Logger probe = context.getLogger("io.xenpulse.probe.ProbeLoop");

        // when
        MDC.put("cluster", "prod-a");
        MDC.put("node", "xen-07");
        try {
            probe.debug("cycle took {} ms", 12);
        } finally {
            MDC.clear();
        }
        context.getLogger("org.apache.kafka.clients.NetworkClient").info("chatty reconnect");

        // then
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ DEBUG \\[[^]]+\\] "
                        + "io\\.xenpulse\\.probe\\.ProbeLoop prod-a xen-07 - cycle took 12 ms\\R")
                .doesNotContain("chatty reconnect");
    }

    @Test
    void shouldFallBackToInfoAndSayWhyWhenTheLevelIsNotALevel() {
        // when
        ProbeLogConfigurator.configure(context, "loud");
        context.getLogger("io.xenpulse.probe.ProbeLoop").debug("hidden");

        // then
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("WARN", "LOG_LEVEL=loud is not a log level", "logging at INFO")
                .doesNotContain("hidden");
    }

    @Test
    void shouldStepAsideWhenTheClassPathHasALogbackConfiguration() {
        // given: the test class path has logback-test.xml
        final ProbeLogConfigurator configurator = new ProbeLogConfigurator();
        configurator.setContext(context);

        // then
        assertThat(configurator.configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
