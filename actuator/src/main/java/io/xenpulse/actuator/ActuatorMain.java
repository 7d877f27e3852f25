package io.xenpulse.actuator;

import io.xenpulse.actuator.execution.DryRunExecutor;
import io.xenpulse.schemas.config.PipelineConnection;
import io.xenpulse.schemas.serde.RegistrySerdeFactory;
import io.xenpulse.schemas.topics.XenTopics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the actuator from environment settings (see {@link ActuatorConfig}) until the process is told to
 * stop. Only the {@code dry-run} executor exists for now (it refuses every command, and its power check
 * can see no node); the fence-agent, xm and virsh executors come later, and the demo wires a simulator
 * executor programmatically. An executor is also the power check of the devices it drives.
 */
public final class ActuatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorMain.class);

    private ActuatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        final ActuatorService service;
        try {
            service = create(System.getenv());
        } catch (IllegalArgumentException | ConfigException e) {
            // The user-facing message of a CLI: what is wrong with the configuration.
            System.err.println("xenpulse actuator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "actuator-shutdown"));
        service.start();
        service.awaitTermination();
        if (service.failure().isPresent()) {
            System.exit(1);
        }
    }

    /** Builds the service from settings; used by {@link #main} and by tests of the wiring. */
    public static ActuatorService create(Map<String, String> env) {
        final ActuatorConfig config = ActuatorConfig.fromMap(env);
        final PipelineConnection connection = config.connection();
        final XenTopics topics = XenTopics.create(connection.topicPrefix(),
                RegistrySerdeFactory.fromConfig(connection.serdeConfig()));
        LOG.info("actuator configuration: {}", config);
        final DryRunExecutor executor = executorNamed(config.executor());
        return new ActuatorService(config, topics, executor, executor, Clock.systemUTC());
    }

    static DryRunExecutor executorNamed(String name) {
        if (DryRunExecutor.NAME.equals(name)) {
            LOG.warn("executor '{}': every command will be REFUSED (no executor configured)", name);
            return new DryRunExecutor();
        }
        throw new IllegalArgumentException(ActuatorConfig.EXECUTOR + "='" + name + "' is not an executor; "
                + "available: " + DryRunExecutor.NAME);
    }
}
