package io.xenpulse.localstack;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Kafka's server code from killing the JVM that embeds it. On a fatal fault (for instance a listener
 * port taken during controller start-up) Kafka's fault handlers call {@code Exit.halt(1)}: right for a
 * broker process, wrong for a test or demo JVM hosting one. While any embedded broker is running, exit and
 * halt requests are logged and refused, so the failure surfaces as an exception instead; once the last
 * broker has stopped, Kafka's defaults are restored.
 */
final class KafkaExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static int holders;

    private KafkaExitGuard() {
    }

    static synchronized void acquire() {
        if (holders++ == 0) {
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        }
    }

    static synchronized void release() {
        if (holders > 0 && --holders == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    private static void refuse(String kind, int status, String message) {
        LOG.error("Embedded Kafka server asked to {} the JVM with status {}{}; refused (the broker is embedded)",
                kind, status, message == null ? "" : " (" + message + ")");
    }
}
