package io.xenpulse.testkit;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and Apicurio Registry in Docker containers on a shared network, for machines with a Docker engine.
 * Image tags are pinned: apache/kafka matches the Kafka version of the build, apicurio/apicurio-registry
 * the registry version the local stack runs. The registry uses its default in-memory storage, like the
 * embedded path.
 */
final class ContainerBackend implements StackBackend {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.4.0");
    static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("apicurio/apicurio-registry:3.3.3");
    private static final int REGISTRY_HTTP_PORT = 8080;
    private static final int REGISTRY_MANAGEMENT_PORT = 9000;

    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainerBackend(Network network, KafkaContainer kafka, GenericContainer<?> registry) {
        this.network = network;
        this.kafka = kafka;
        this.registry = registry;
    }

    static ContainerBackend start() {
        final Network network = Network.newNetwork();
        final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        final GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("registry")
                .withExposedPorts(REGISTRY_HTTP_PORT, REGISTRY_MANAGEMENT_PORT)
                .waitingFor(Wait.forHttp("/health/ready").forPort(REGISTRY_MANAGEMENT_PORT)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        try {
            kafka.start();
            registry.start();
        } catch (RuntimeException e) {
            registry.stop();
            kafka.stop();
            network.close();
            throw e;
        }
        return new ContainerBackend(network, kafka, registry);
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_HTTP_PORT)
                + "/apis/ccompat/v7";
    }

    @Override
    public boolean isContainerBased() {
        return true;
    }

    @Override
    public void stopBroker() {
        throw unsupported();
    }

    @Override
    public void startBroker() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("stopping/starting the broker is only supported by the embedded"
                + " stack (a restarted container gets a new mapped port); guard the test with"
                + " assumeFalse(SharedStack.get().isContainerBased()) or run with XENPULSE_TEST_STACK=embedded");
    }

    @Override
    public void close() {
        try {
            registry.stop();
            kafka.stop();
        } finally {
            network.close();
        }
    }
}
