package io.xenpulse.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * The demo's settings for each component, compressed so the whole replay fits in a few minutes: probes every
 * second, an 8 s grace for xend, two restart attempts, fencing a lost node after 10 s. Each component reads
 * them through its normal configuration path, exactly as it would read its environment in production.
 */
final class DemoTimings {

    private DemoTimings() {
    }

    static Map<String, String> connection(String bootstrap, String registryUrl) {
        return Map.of("XENPULSE_BOOTSTRAP_SERVERS", bootstrap, "XENPULSE_SCHEMA_REGISTRY_URL", registryUrl);
    }

    static Map<String, String> correlator(Map<String, String> connection, String stateDir) {
        final Map<String, String> env = new HashMap<>(connection);
        env.putAll(Map.of(
                "XENPULSE_STATE_DIR", stateDir,
                "XENPULSE_TICK_INTERVAL", "500ms",
                "XENPULSE_DAEMON_GRACE", "8s",
                "XENPULSE_RESTART_VERIFY_TIMEOUT", "5s",
                "XENPULSE_RESTART_RETRY_DELAY", "1s",
                "XENPULSE_MAX_RESTART_ATTEMPTS", "2",
                "XENPULSE_NODE_SILENT_AFTER", "5s",
                "XENPULSE_NODE_LOST_AFTER", "10s",
                "XENPULSE_COMMAND_TTL", "30s",
                "XENPULSE_FENCE_TTL", "30s"));
        // a loaded 2-core machine runs the whole pipeline: allow for slow reads, still below the silence
        env.put("XENPULSE_OBSERVATION_MAX_LAG", "4s");
        return env;
    }

    static Map<String, String> actuator(Map<String, String> connection) {
        final Map<String, String> env = new HashMap<>(connection);
        env.put("XENPULSE_ACTION_TIMEOUT", "10s");
        return env;
    }

    static Map<String, String> probe(Map<String, String> connection, String node, String spoolDir) {
        final Map<String, String> env = new HashMap<>(connection);
        env.put("XENPULSE_CLUSTER", DemoCluster.CLUSTER);
        env.put("XENPULSE_NODE", node);
        env.put("XENPULSE_PROBE_INTERVAL", "1s");
        env.put("XENPULSE_SPOOL_DIR", spoolDir);
        return env;
    }
}
