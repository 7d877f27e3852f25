package io.xenpulse.schemas.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Sends one request to a Confluent-compatible registry and turns every way it can go wrong into a
 * {@link SchemaRegistryException} that names the registry (without credentials) and the operation:
 * unreachable (after trying each configured URL in order), HTTP error with the registry's own
 * {@code error_code} and message, or an answer that is not the expected JSON.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_ERROR_TEXT = 300;

    private final RegistryClientSettings settings;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttp(RegistryClientSettings settings) {
        this.settings = settings;
        // HTTP/1.1: an h2c upgrade attempt buys nothing here and some registries mishandle it.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.authorization = settings.userInfo().map(info -> "Basic "
                + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    }

    /** The registry base URLs, safe to show (credentials removed). */
    String urls() {
        return settings.urls().size() == 1 ? settings.url() : settings.urls().toString();
    }

    /**
     * Sends {@code method path} with an optional JSON body and returns the parsed JSON answer.
     *
     * @param operation what we were doing, for error messages (e.g. "register schema under subject 'x'")
     */
    JsonNode send(String method, String path, Optional<String> body, String operation) {
        IOException lastFailure = null;
        for (String base : settings.urls()) {
            final HttpResponse<String> response;
            try {
                response = http.send(request(method, base + path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                throw new InterruptException("interrupted while waiting for the schema registry to "
                        + operation, e);
            }
            return answer(base, response, operation);
        }
        throw new SchemaRegistryException("schema registry unreachable at " + urls() + " (could not "
                + operation + "; connect timeout " + settings.connectTimeout().toMillis() + " ms, request timeout "
                + settings.requestTimeout().toMillis() + " ms): " + describe(lastFailure), lastFailure);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write registry request as JSON", e);
        }
    }

    private HttpRequest request(String method, String url, Optional<String> body) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body.map(HttpRequest.BodyPublishers::ofString)
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(b -> builder.header("Content-Type", CONTENT_TYPE));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private JsonNode answer(String base, HttpResponse<String> response, String operation) {
        final int status = response.statusCode();
        final Optional<JsonNode> parsed = parse(response.body());
        if (status >= 200 && status < 300) {
            return parsed.filter(JsonNode::isContainerNode).orElseThrow(() -> new SchemaRegistryException(
                    "schema registry at " + base + " answered malformed JSON (HTTP " + status + ") to "
                            + operation + ": " + shorten(response.body()), null));
        }
        final int errorCode = parsed.map(node -> node.path("error_code").asInt(-1)).orElse(-1);
        final String message = parsed.map(node -> node.path("message").asText(""))
                .filter(text -> !text.isBlank())
                .orElseGet(() -> shorten(response.body()));
        throw new SchemaRegistryException("schema registry at " + base + " refused to " + operation + " (HTTP "
                + status + (errorCode >= 0 ? ", error_code " + errorCode : "") + "): " + message, status, errorCode);
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(json.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return "(empty answer)";
        }
        final String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "...";
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no URL to try";
        }
        final String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
