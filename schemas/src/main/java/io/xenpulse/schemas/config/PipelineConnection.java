package io.xenpulse.schemas.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How every xenpulse component reaches the pipeline: broker, schema registry, topic prefix, and any extra
 * Kafka client settings. Read from environment-style keys so containers and systemd units configure it
 * the same way.
 *
 * <ul>
 *   <li>{@code XENPULSE_BOOTSTRAP_SERVERS} (required)</li>
 *   <li>{@code XENPULSE_SCHEMA_REGISTRY_URL} (required): a Confluent-compatible registry API base URL</li>
 *   <li>{@code XENPULSE_TOPIC_PREFIX} (default empty)</li>
 *   <li>{@code XENPULSE_VALUE_SERDE} (optional): serde class to use instead of ours, e.g. Confluent's</li>
 *   <li>{@code XENPULSE_SCHEMA_REGISTRY_USER_INFO} (optional): {@code user:password} for the registry's basic
 *       auth; never logged</li>
 *   <li>{@code KAFKA_SOME_SETTING}: passed to the Kafka clients as {@code some.setting}; a name the
 *       component's clients do not know fails at start-up rather than being silently ignored</li>
 * </ul>
 */
public record PipelineConnection(
        String bootstrapServers,
        String schemaRegistryUrl,
        String topicPrefix,
        String valueSerdeClass,
        String registryUserInfo,
        Map<String, String> kafkaOverrides) {

    public static final String BOOTSTRAP_SERVERS = "XENPULSE_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "XENPULSE_SCHEMA_REGISTRY_URL";
    public static final String TOPIC_PREFIX = "XENPULSE_TOPIC_PREFIX";
    public static final String VALUE_SERDE = "XENPULSE_VALUE_SERDE";
    public static final String SCHEMA_REGISTRY_USER_INFO = "XENPULSE_SCHEMA_REGISTRY_USER_INFO";
    /** Serde setting with the registry's basic-auth credentials, the same key Confluent's serdes read. */
    public static final String SERDE_USER_INFO = "basic.auth.user.info";

    /** Serde setting naming the registry, the same key Confluent's serdes read. */
    public static final String SERDE_REGISTRY_URL = "schema.registry.url";
    /** Serde setting naming a replacement serde class. */
    public static final String SERDE_CLASS = "xenpulse.value.serde";

    private static final String KAFKA_PREFIX = "KAFKA_";
    private static final Set<String> SECRET_MARKERS = Set.of("password", "secret", "jaas", "token", "key");

    public PipelineConnection {
        kafkaOverrides = Collections.unmodifiableMap(new TreeMap<>(kafkaOverrides));
    }

    /**
     * Reads the connection from environment-style keys.
     *
     * @param knownKafkaSettings the client setting names the component accepts (e.g.
     *     {@code ProducerConfig.configNames()}); {@code KAFKA_*} keys outside it are rejected
     * @throws IllegalArgumentException naming every missing or unknown key
     */
    public static PipelineConnection fromMap(Map<String, String> env, Set<String> knownKafkaSettings) {
        final String bootstrap = required(env, BOOTSTRAP_SERVERS);
        final String registry = required(env, SCHEMA_REGISTRY_URL);
        final Map<String, String> overrides = new HashMap<>();
        for (Map.Entry<String, String> entry : env.entrySet()) {
            if (!entry.getKey().startsWith(KAFKA_PREFIX)) {
                continue;
            }
            final String setting = entry.getKey().substring(KAFKA_PREFIX.length())
                    .toLowerCase(Locale.ROOT).replace('_', '.');
            if (!knownKafkaSettings.contains(setting)) {
                throw new IllegalArgumentException("unknown Kafka setting " + entry.getKey()
                        + " (read as '" + setting + "'): not a setting of this component's Kafka clients");
            }
            overrides.put(setting, entry.getValue());
        }
        return new PipelineConnection(bootstrap, registry, env.getOrDefault(TOPIC_PREFIX, ""),
                env.getOrDefault(VALUE_SERDE, ""), env.getOrDefault(SCHEMA_REGISTRY_USER_INFO, ""), overrides);
    }

    /** Settings for {@link io.xenpulse.schemas.serde.SerdeFactory} implementations. */
    public Map<String, Object> serdeConfig() {
        final Map<String, Object> config = new HashMap<>();
        config.put(SERDE_REGISTRY_URL, schemaRegistryUrl);
        if (!valueSerdeClass.isBlank()) {
            config.put(SERDE_CLASS, valueSerdeClass);
        }
        if (!registryUserInfo.isBlank()) {
            config.put(SERDE_USER_INFO, registryUserInfo);
        }
        config.putAll(kafkaOverrides);
        return config;
    }

    /** Base settings for any Kafka client: bootstrap servers plus the operator's overrides. */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>(kafkaOverrides);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    private static String required(Map<String, String> env, String key) {
        final String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required setting " + key);
        }
        return value.trim();
    }

    /** Secrets in overrides (passwords, JAAS configs, tokens, keys) are masked. */
    @Override
    public String toString() {
        final Map<String, String> shown = new TreeMap<>();
        kafkaOverrides.forEach((k, v) -> shown.put(k, isSecret(k) ? "[hidden]" : v));
        return "PipelineConnection{bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl="
                + schemaRegistryUrl.replaceAll("//[^/@]*@", "//[hidden]@") + ", topicPrefix=" + topicPrefix + ", valueSerdeClass=" + valueSerdeClass
                + ", registryUserInfo=" + (registryUserInfo.isBlank() ? "" : "[hidden]")
                + ", kafkaOverrides=" + shown + "}";
    }

    private static boolean isSecret(String setting) {
        return SECRET_MARKERS.stream().anyMatch(setting::contains);
    }
}
