package io.xenpulse.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Waits for a freshly started registry process: polls its readiness and API URLs until each answers 200,
 * failing fast (with the end of the registry's log) when the process exits, and failing on the deadline.
 */
final class RegistryReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path logFile;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    RegistryReadiness(Process process, Path logFile, Duration timeout) {
        this.process = process;
        this.logFile = logFile;
        this.timeout = timeout;
    }

    /** Returns once every URL, in order, has answered 200. */
    void await(String... urls) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (String url : urls) {
            awaitOk(url, deadline);
        }
    }

    private void awaitOk(String url, long deadline) {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
        String lastOutcome = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw new LocalStackException("Apicurio Registry exited with status " + process.exitValue()
                        + " before it was ready; end of " + logFile + ":\n" + logTail());
            }
            try {
                final HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                lastOutcome = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastOutcome = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for Apicurio Registry", e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new LocalStackException("Apicurio Registry was not ready within " + timeout.toSeconds()
                        + " s (" + url + ": " + lastOutcome + "); end of " + logFile + ":\n" + logTail());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for Apicurio Registry", e);
        }
    }

    private String logTail() {
        try {
            final List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
