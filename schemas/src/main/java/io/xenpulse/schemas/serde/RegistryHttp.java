package io.xenpulse.schemas.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Sends one request to a Confluent-compatible registry and turns every way it can go wrong into a
 * {@link SchemaRegistryException} that names the registry (without credentials) and the operation:
 * unreachable (after trying each configured URL in order), HTTP error with the registry's own
 * {@code error_code} and message, or an answer that is not the expected JSON.
 *
 * <p>It uses {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the latter builds the default
 * TLS context (and reads the whole CA store) even for plain-http URLs and keeps four threads, which cost the
 * probe on dom0 about a tenth of its memory; HttpURLConnection loads TLS only for https URLs.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_ERROR_TEXT = 300;

    private final RegistryClientSettings settings;
    private final Optional<String> authorization;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttp(RegistryClientSettings settings) {
        this.settings = settings;
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
            final Response response;
            try {
                response = exchange(method, base + path, body);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptException("interrupted while waiting for the schema registry to "
                            + operation);
                }
                lastFailure = e; // a connect or read timeout: try the next URL
                continue;
            } catch (IOException e) {
                lastFailure = e;
                continue;
            }
            return answer(base, response, operation);
        }
        throw new SchemaRegistryException("schema registry unreachable at " + urls() + " (could not "
                + operation + "; connect timeout " + settings.connectTimeout().toMillis() + " ms, request timeout "
                + settings.requestTimeout().toMillis() + " ms): " + describe(lastFailure), lastFailure);
    }

    /**
     * A JSON object of string fields, the only kind of body the registry takes from us. Written with the
     * streaming generator: the object mapper's serializers would load some eighty classes for this.
     */
    String toJson(Map<String, String> fields) {
        final StringWriter text = new StringWriter();
        try (JsonGenerator generator = json.getFactory().createGenerator(text)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                generator.writeStringField(field.getKey(), field.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write registry request as JSON", e);
        }
        return text.toString();
    }

    /** One HTTP exchange; the connection goes back to the JDK's keep-alive cache once its body is read. */
    private Response exchange(String method, String url, Optional<String> body) throws IOException {
        final HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try {
            connection.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
            connection.setReadTimeout(Math.toIntExact(settings.requestTimeout().toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", ACCEPT);
            authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
            if (body.isPresent()) {
                final byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                connection.setRequestProperty("Content-Type", CONTENT_TYPE);
                // Buffered, not streamed: a streamed body makes HttpURLConnection drop the answer to a 401, and
                // with it the registry's reason. Every body we send is small and safe to send twice.
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            final int status = connection.getResponseCode();
            final InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            return new Response(status, readBody(answer));
        } catch (IOException e) {
            connection.disconnect(); // a half-read connection must not be reused
            throw e;
        }
    }

    private static String readBody(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A registry's answer: the HTTP status and the body as text. */
    private record Response(int status, String body) {
    }

    private JsonNode answer(String base, Response response, String operation) {
        final int status = response.status();
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
        final String hint = status == 401 || status == 403
                ? " (check the registry credentials: " + RegistryClientSettings.USER_INFO + ")" : "";
        throw new SchemaRegistryException("schema registry at " + base + " refused to " + operation + " (HTTP "
                + status + (errorCode >= 0 ? ", error_code " + errorCode : "") + "): " + message + hint, status,
                errorCode);
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
