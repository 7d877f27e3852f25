package io.xenpulse.localstack;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack from the command line until SIGTERM/Ctrl-C. Settings come from
 * {@code XENPULSE_STACK_*} environment variables ({@link LocalStackConfig#fromMap}); the two addresses
 * clients need are printed on standard output.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        final LocalStack stack;
        try {
            stack = LocalStack.start(LocalStackConfig.fromMap(System.getenv()));
        } catch (IllegalArgumentException | LocalStackException e) {
            System.err.println("local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println("XENPULSE_BOOTSTRAP_SERVERS=" + stack.bootstrapServers());
        System.out.println("XENPULSE_SCHEMA_REGISTRY_URL=" + stack.registryUrl());
        System.out.flush();
        stopped.await();
    }
}
