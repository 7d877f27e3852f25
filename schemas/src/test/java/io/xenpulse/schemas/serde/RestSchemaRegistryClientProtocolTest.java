package io.xenpulse.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.xenpulse.schemas.decision.Decision;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our side of the REST exchange (request shape, caching, authentication, and answers no real registry
 * gives, such as malformed JSON), against a scripted HTTP endpoint. The behaviour against a real registry
 * is covered by {@code RestSchemaRegistryClientIT}.
 */
class RestSchemaRegistryClientProtocolTest {

    private record Seen(String method, String rawPath, String contentType, String authorization, String body) {
    }

    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"id\": 17}";
    private volatile boolean askForCredentials;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        final byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        if (askForCredentials) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    @Test
    void shouldPostSchemaAsJsonUnderEncodedSubjectWithBasicAuthAndCacheTheId() {
        // given
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientSettings.fromConfig(
                Map.of("schema.registry.url", baseUrl(), "basic.auth.user.info", "svc:pw")));

        // when
        final int id = client.register("odd subject/value", Decision.getClassSchema());
        final int again = client.register("odd subject/value", Decision.getClassSchema());

        // then
        assertThat(id).isEqualTo(17);
        assertThat(again).isEqualTo(17);
        assertThat(requests).hasSize(1);
        final Seen request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/apis/ccompat/v7/subjects/odd%20subject%2Fvalue/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.authorization()).isEqualTo("Basic c3ZjOnB3");
        assertThat(request.body()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
    }

    @Test
    void shouldServeRegisteredSchemaByIdFromCache() {
        // given
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl());
        client.register("s-value", Decision.getClassSchema());

        // when
        final var schema = client.schemaById(17);

        // then
        assertThat(schema).isEqualTo(Decision.getClassSchema());
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldReportRegistryErrorCodeAndMessage() {
        // given
        status = 409;
        answer = "{\"error_code\": 409, \"message\": \"Schema being registered is incompatible\"}";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl());

        // then
        assertThatThrownBy(() -> client.register("s-value", Decision.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 409, error_code 409")
                .hasMessageContaining("Schema being registered is incompatible")
                .hasMessageContaining("subject 's-value'")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).hasValue(409));
    }

    @Test
    void shouldGiveUpOnARegistryThatNeverAnswersAndTryTheNextUrl() throws IOException {
        // given: the first registry accepts the connection and then says nothing
        final HttpServer hung = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        final CountDownLatch release = new CountDownLatch(1);
        hung.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hung.setExecutor(Executors.newCachedThreadPool());
        hung.start();
        final String hungUrl = "http://127.0.0.1:" + hung.getAddress().getPort();
        try {
            final RestSchemaRegistryClient failingOver = new RestSchemaRegistryClient(RegistryClientSettings
                    .fromConfig(Map.of("schema.registry.url", hungUrl + "," + baseUrl(), "http.read.timeout.ms", 300)));
            final RestSchemaRegistryClient onlyHung = new RestSchemaRegistryClient(RegistryClientSettings
                    .fromConfig(Map.of("schema.registry.url", hungUrl, "http.read.timeout.ms", 300)));

            // then
            assertThat(failingOver.register("s-value", Decision.getClassSchema())).isEqualTo(17);
            assertThatThrownBy(() -> onlyHung.schemaById(5))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("unreachable at " + hungUrl)
                    .hasMessageContaining("request timeout 300 ms")
                    .hasMessageContaining("timed out");
        } finally {
            release.countDown();
            hung.stop(0);
        }
    }

    @Test
    void shouldReportWrongCredentialsAsARefusalNotAsAnUnreachableRegistry() {
        // given: the registry wants other credentials than the ones we post a schema with
        status = 401;
        askForCredentials = true;
        answer = "{\"error_code\": 401, \"message\": \"Unauthorized\"}";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientSettings.fromConfig(
                Map.of("schema.registry.url", baseUrl(), "basic.auth.user.info", "probe:wrong")));

        // then
        assertThatThrownBy(() -> client.register("s-value", Decision.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("refused to register")
                .hasMessageContaining("HTTP 401, error_code 401): Unauthorized")
                .hasMessageContaining("check the registry credentials: basic.auth.user.info")
                .hasMessageNotContaining("wrong")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).hasValue(401));
    }

    @Test
    void shouldRejectMalformedAnswers() {
        // given
        answer = "<html>proxy login</html>";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl());

        // then
        assertThatThrownBy(() -> client.schemaById(5))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("fetch schema id 5");
    }

    @Test
    void shouldRejectAnswerWhoseSchemaIsNotAvro() {
        // given
        answer = "{\"schema\": \"{\\\"type\\\": \\\"nonsense\\\"}\"}";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl());

        // then
        assertThatThrownBy(() -> client.schemaById(6))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema id 6")
                .hasMessageContaining("not a valid Avro schema");
    }

    @Test
    void shouldRejectRegisterAnswerWithoutId() {
        // given
        answer = "{\"version\": 3}";
        final RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl());

        // then
        assertThatThrownBy(() -> client.register("s-value", Decision.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("without a numeric \"id\"");
    }
}
