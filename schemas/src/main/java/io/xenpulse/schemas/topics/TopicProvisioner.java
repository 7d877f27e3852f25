package io.xenpulse.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every {@link XenTopics} topic that does not exist yet, so components never depend on broker-side
 * auto-creation (which would give the inventory topic the wrong cleanup policy). Idempotent: topics that
 * already exist are left as they are (an existing topic without the settings below is reported).
 *
 * <p>The inventory topic is compacted (it holds each cluster's latest desired state, forever); every other
 * topic keeps its records for a retention period, seven days unless configured. The observations topic
 * stamps each record with the broker's append time, so the correlator can tell an observation that reached
 * the log long ago (committed late after an outage, or read from a backlog) from the present without
 * trusting the clock of the node that sent it.
 */
public final class TopicProvisioner {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final String LOG_APPEND_TIME = "LogAppendTime";

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Duration retention;
    private final Duration timeout;

    /** Seven days' retention, 30 s to wait for the broker. */
    public TopicProvisioner(Admin admin, int partitions, short replicationFactor) {
        this(admin, partitions, replicationFactor, DEFAULT_RETENTION, DEFAULT_TIMEOUT);
    }

    public TopicProvisioner(Admin admin, int partitions, short replicationFactor, Duration retention,
            Duration timeout) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1, got "
                    + partitions + " and " + replicationFactor);
        }
        if (retention.isNegative() || retention.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("retention and timeout must be positive");
        }
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.retention = retention;
        this.timeout = timeout;
    }

    /**
     * Creates the missing topics of the pipeline using {@code prefix} and waits until the broker confirms.
     *
     * @return the names of the topics created now (empty when all existed)
     * @throws KafkaException if the broker refuses a topic or does not answer within the timeout
     */
    public List<String> provision(String prefix) {
        final List<NewTopic> wanted = newTopics(prefix);
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Map<String, KafkaFuture<Void>> futures = admin.createTopics(wanted,
                new CreateTopicsOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))).values();
        final List<String> created = new ArrayList<>();
        final List<String> existing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> entry : futures.entrySet()) {
            if (awaitCreation(entry.getKey(), entry.getValue(), deadline)) {
                created.add(entry.getKey());
            } else {
                existing.add(entry.getKey());
            }
        }
        LOG.info("Topics created: {}; already present: {}", created, existing);
        final String inventory = prefix + XenTopics.INVENTORY;
        if (existing.contains(inventory)) {
            warnIfSettingDiffers(inventory, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    "old desired state may be deleted by retention", deadline);
        }
        final String observations = prefix + XenTopics.OBSERVATIONS;
        if (existing.contains(observations)) {
            warnIfSettingDiffers(observations, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME,
                    "the correlator then judges how late an observation is by the sending node's clock", deadline);
        }
        return created;
    }

    /** The topics {@link #provision(String)} creates, with their settings. */
    public List<NewTopic> newTopics(String prefix) {
        final List<NewTopic> topics = new ArrayList<>();
        for (String name : XenTopics.namesFor(prefix)) {
            final Map<String, String> configs = new LinkedHashMap<>();
            if (name.equals(prefix + XenTopics.INVENTORY)) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            } else {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
            }
            if (name.equals(prefix + XenTopics.OBSERVATIONS)) {
                configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
            }
            topics.add(new NewTopic(name, partitions, replicationFactor).configs(configs));
        }
        return topics;
    }

    /** True if created now, false if it already existed. */
    private boolean awaitCreation(String topic, KafkaFuture<Void> future, long deadline) {
        try {
            future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new KafkaException("broker refused to create topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("timed out after " + timeout.toMillis() + " ms waiting for the broker to "
                    + "create topic " + topic, e);
        } catch (InterruptedException e) {
            throw new InterruptException("interrupted while creating topic " + topic, e);
        }
    }

    private void warnIfSettingDiffers(String topic, String setting, String expected, String consequence,
            long deadline) {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            final Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(remainingNanos(deadline), TimeUnit.NANOSECONDS).get(resource);
            final ConfigEntry entry = config == null ? null : config.get(setting);
            if (entry == null || !entry.value().contains(expected)) {
                LOG.warn("Topic {} exists with {}={}, not {}: {}", topic, setting,
                        entry == null ? "unknown" : entry.value(), expected, consequence);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not check {} of existing topic {}: {}", setting, topic, e.toString());
        } catch (InterruptedException e) {
            throw new InterruptException("interrupted while describing topic " + topic, e);
        }
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
