package io.xenpulse.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker and one real schema registry per test JVM, started on first use and stopped by a
 * shutdown hook. Uses Testcontainers when a Docker engine is available, the embedded local stack otherwise
 * ({@code XENPULSE_TEST_STACK=embedded|containers} forces either). Tests share it, so each test takes its own
 * names from {@link #uniquePrefix(String)}.
 *
 * <pre>{@code
 * SharedStack stack = SharedStack.get();
 * String prefix = stack.uniquePrefix("shouldPublishDecision");      // "it-shouldpublishdecision-3-"
 * stack.createTopics(List.of(prefix + "observations"), 3);
 * props.put("bootstrap.servers", stack.bootstrapServers());
 * props.put("schema.registry.url", stack.registryUrl());
 * }</pre>
 */
public final class SharedStack {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_NAME_PART = 40;

    private static SharedStack instance;
    private static RuntimeException startFailure;

    private final StackBackend backend;
    private final AtomicInteger counter = new AtomicInteger();
    private Admin admin;

    private SharedStack(StackBackend backend) {
        this.backend = backend;
    }

    /**
     * The stack of this JVM, started on the first call (a few seconds embedded, longer with containers).
     *
     * @throws IllegalStateException when it could not start (every later call reports the same cause)
     */
    public static synchronized SharedStack get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) {
            throw new IllegalStateException("the shared test stack failed to start earlier in this JVM: "
                    + startFailure.getMessage(), startFailure);
        }
        try {
            instance = start();
            return instance;
        } catch (RuntimeException e) {
            startFailure = e;
            throw new IllegalStateException("the shared test stack could not start: " + e.getMessage(), e);
        }
    }

    private static SharedStack start() {
        final long startNanos = System.nanoTime();
        final StackSelection.Kind kind = StackSelection.choose(System.getenv());
        final StackBackend backend = kind == StackSelection.Kind.CONTAINERS
                ? ContainerBackend.start() : EmbeddedBackend.start();
        final SharedStack stack = new SharedStack(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "shared-stack-shutdown"));
        LOG.info("Shared test stack ({}) ready in {} ms: Kafka {}, registry {}", kind,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), backend.bootstrapServers(),
                backend.registryUrl());
        return stack;
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    /** Confluent-compatible registry base URL (Apicurio's {@code /apis/ccompat/v7}). */
    public String registryUrl() {
        return backend.registryUrl();
    }

    public boolean isContainerBased() {
        return backend.isContainerBased();
    }

    /**
     * A prefix for topic names and application ids unique within this JVM (and so within its stack):
     * {@code it-<test name, lower case, at most 40 chars>-<counter>-}.
     */
    public String uniquePrefix(String testName) {
        String name = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (name.length() > MAX_NAME_PART) {
            name = name.substring(0, MAX_NAME_PART);
        }
        return "it-" + name + "-" + counter.incrementAndGet() + "-";
    }

    /**
     * Creates topics (replication 1) and returns once every partition has a leader. A topic that already
     * exists is left as it is.
     */
    public void createTopics(Collection<String> names, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        final List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        for (Map.Entry<String, KafkaFuture<Void>> entry : admin().createTopics(topics).values().entrySet()) {
            try {
                entry.getValue().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + entry.getKey() + ": "
                            + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + entry.getKey(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("topic " + entry.getKey() + " not created within " + TOPIC_TIMEOUT, e);
            }
        }
        Eventually.await(TOPIC_TIMEOUT, "topics " + names + " have a leader for every partition",
                () -> allPartitionsLed(names));
    }

    /** Stops the embedded broker (data kept) to test an outage. */
    public void stopBroker() {
        backend.stopBroker();
    }

    /** Starts the embedded broker again on the same port. */
    public void startBroker() {
        backend.startBroker();
    }

    private boolean allPartitionsLed(Collection<String> names) {
        try {
            final Map<String, TopicDescription> descriptions = admin().describeTopics(names).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            return descriptions.values().stream().flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "testkit-admin"));
        }
        return admin;
    }

    private void shutdown() {
        final Optional<Admin> toClose;
        synchronized (this) {
            toClose = Optional.ofNullable(admin);
            admin = null;
        }
        toClose.ifPresent(a -> a.close(Duration.ofSeconds(5)));
        backend.close();
    }
}
