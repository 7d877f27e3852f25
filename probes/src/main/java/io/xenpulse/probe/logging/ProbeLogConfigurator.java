package io.xenpulse.probe.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Optional;

/**
 * The probe's logging, set up in code rather than from a {@code logback.xml}: Logback's XML configurator
 * loads some 400 classes (its model, its XML parser) that a dom0 daemon pays for in memory for ever.
 *
 * <p>One console appender on stderr (stdout carries only the JSON of {@code --print} mode; under systemd both
 * reach the journal), the root level from {@code LOG_LEVEL} (environment or system property, INFO by default),
 * and the Kafka clients at WARN (they log every configuration dump and reconnect at INFO).
 *
 * <p>An operator's own configuration wins: with {@code -Dlogback.configurationFile=...}, or a
 * {@code logback-test.xml} / {@code logback.xml} on the class path, this steps aside and Logback reads that.
 */
public final class ProbeLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X{cluster} %X{node} - %msg%n";
    private static final String LEVEL_SETTING = "LOG_LEVEL";
    private static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (operatorConfigurationPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        final String levelSetting = Optional.ofNullable(System.getProperty(LEVEL_SETTING))
                .or(() -> Optional.ofNullable(System.getenv(LEVEL_SETTING)))
                .orElse("INFO");
        configure(context, levelSetting);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} with the root level named by {@code levelSetting}; visible for tests. */
    static void configure(LoggerContext context, String levelSetting) {
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        final ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        final Level level = Level.toLevel(levelSetting.trim().toUpperCase(Locale.ROOT), null);
        root.setLevel(level == null ? Level.INFO : level);
        context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        if (level == null) {
            root.warn("{}={} is not a log level (TRACE, DEBUG, INFO, WARN, ERROR, OFF); logging at INFO",
                    LEVEL_SETTING, levelSetting);
        }
    }

    private static boolean operatorConfigurationPresent() {
        final ClassLoader loader = ProbeLogConfigurator.class.getClassLoader();
        return System.getProperty(CONFIG_FILE_PROPERTY) != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
