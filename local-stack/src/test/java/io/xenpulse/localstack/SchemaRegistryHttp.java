package io.xenpulse.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: the two Confluent Schema Registry calls the ITs need, over plain HTTP. */
final class SchemaRegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SchemaRegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers an Avro schema under {@code subject}; returns its id. */
    int register(String subject, String avroSchemaJson) throws Exception {
        final String body = "{\"schema\":" + quote(avroSchemaJson) + "}";
        final HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new AssertionError("register answered " + response.statusCode() + ": " + response.body());
        }
        final Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no id in " + response.body());
        }
        return Integer.parseInt(matcher.group(1));
    }

    HttpResponse<String> schemaById(int id) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/schemas/ids/" + id)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
