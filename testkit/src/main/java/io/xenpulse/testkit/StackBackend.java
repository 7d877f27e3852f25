package io.xenpulse.testkit;

/** One running broker + registry pair behind {@link SharedStack}: embedded or in containers. */
interface StackBackend extends AutoCloseable {

    String bootstrapServers();

    /** Confluent-compatible registry base URL. */
    String registryUrl();

    boolean isContainerBased();

    void stopBroker();

    void startBroker();

    @Override
    void close();
}
