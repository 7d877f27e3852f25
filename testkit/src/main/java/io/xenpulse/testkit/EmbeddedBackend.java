package io.xenpulse.testkit;

import java.time.Duration;

import io.xenpulse.localstack.LocalStack;
import io.xenpulse.localstack.LocalStackConfig;
import io.xenpulse.localstack.RegistryStorage;

/**
 * The in-JVM broker and a child-process registry from {@code local-stack}, with in-memory registry storage
 * (several times faster to start than kafkasql; tests do not restart the registry) and a temporary data
 * directory removed on close.
 */
final class EmbeddedBackend implements StackBackend {

    private final LocalStack stack;

    private EmbeddedBackend(LocalStack stack) {
        this.stack = stack;
    }

    static EmbeddedBackend start() {
        return new EmbeddedBackend(LocalStack.start(LocalStackConfig.builder()
                .registryStorage(RegistryStorage.IN_MEMORY)
                .startupTimeout(Duration.ofMinutes(3))
                .build()));
    }

    @Override
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    @Override
    public String registryUrl() {
        return stack.registryUrl();
    }

    @Override
    public boolean isContainerBased() {
        return false;
    }

    @Override
    public void stopBroker() {
        stack.stopBroker();
    }

    @Override
    public void startBroker() {
        stack.startBroker();
    }

    @Override
    public void close() {
        stack.close();
    }
}
