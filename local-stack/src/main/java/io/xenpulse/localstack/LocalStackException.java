package io.xenpulse.localstack;

/**
 * A local stack part could not be found, started or stopped. The message says what was tried and what to do
 * about it (a taken port, a missing Java 21+, a missing registry distribution).
 */
public final class LocalStackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
