package io.xenpulse.scenarios.harness;

import io.xenpulse.actuator.ActuatorConfig;
import io.xenpulse.correlator.app.CorrelatorConfig;
import io.xenpulse.correlator.rules.CorrelatorPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The clocks of a scenario: the probe interval, the correlator's and the actuator's settings (read through
 * their own config classes from environment-style keys, as in production, so a new setting's default applies
 * here too), how fast the correlator can read its inputs, and how long each action takes on a node.
 *
 * @param correlatorReadsPerSecond records the correlator reads per second of virtual time: far above the
 *     steady load, so it is only behind after a pause or while it is slowed down
 */
public record ScenarioTimings(
        Duration probeInterval,
        CorrelatorConfig correlator,
        ActuatorConfig actuator,
        int correlatorReadsPerSecond) {

    static final String REGISTRY = "mock://xenpulse-scenarios";

    /** One-second probes and the demo's compressed ladder, as the cases were reproduced. */
    public static ScenarioTimings oneSecondProbes() {
        return of(Duration.ofSeconds(1), Map.of(
                "XENPULSE_DAEMON_GRACE", "8s",
                "XENPULSE_RESTART_VERIFY_TIMEOUT", "5s",
                "XENPULSE_RESTART_RETRY_DELAY", "1s",
                "XENPULSE_NODE_SILENT_AFTER", "5s",
                "XENPULSE_NODE_LOST_AFTER", "10s"));
    }

    /** Two-second probes, every bound scaled to them: half the records per virtual minute for long runs. */
    public static ScenarioTimings twoSecondProbes() {
        return of(Duration.ofSeconds(2), Map.of(
                "XENPULSE_DAEMON_GRACE", "10s",
                "XENPULSE_RESTART_VERIFY_TIMEOUT", "8s",
                "XENPULSE_RESTART_RETRY_DELAY", "2s",
                "XENPULSE_NODE_SILENT_AFTER", "7s",
                "XENPULSE_NODE_LOST_AFTER", "14s"));
    }

    private static ScenarioTimings of(Duration probeInterval, Map<String, String> ladder) {
        final Map<String, String> correlator = new HashMap<>(connection());
        correlator.putAll(ladder);
        correlator.putAll(Map.of(
                "XENPULSE_TICK_INTERVAL", "1s",
                "XENPULSE_MAX_RESTART_ATTEMPTS", "2",
                "XENPULSE_COMMAND_TTL", "30s",
                "XENPULSE_FENCE_TTL", "30s"));
        final Map<String, String> actuator = new HashMap<>(connection());
        actuator.put(ActuatorConfig.ACTION_TIMEOUT, "10s");
        return new ScenarioTimings(probeInterval, CorrelatorConfig.fromMap(correlator),
                ActuatorConfig.fromMap(actuator), 10);
    }

    private static Map<String, String> connection() {
        return Map.of("XENPULSE_BOOTSTRAP_SERVERS", "unused:9092", "XENPULSE_SCHEMA_REGISTRY_URL", REGISTRY);
    }

    /** The same timings with another read capacity for the correlator. */
    public ScenarioTimings withCorrelatorReadsPerSecond(int readsPerSecond) {
        return new ScenarioTimings(probeInterval, correlator, actuator, readsPerSecond);
    }

    public CorrelatorPolicy policy() {
        return correlator.policy();
    }

    public Duration tickInterval() {
        return correlator.tickInterval();
    }

    public Duration actionTimeout() {
        return actuator.actionTimeout();
    }

    /**
     * The probe's XENPULSE_REPLAY_AFTER default (two intervals): an observation that reaches the log later
     * than half of it after it was taken is sent again marked replayed (see the probe's ReplayWindow).
     */
    public Duration replayAfter() {
        return probeInterval.multipliedBy(2);
    }
}
