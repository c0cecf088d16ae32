package dev.pipelineharness.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pipelineharness.api.RegistryCredentials;
import dev.pipelineharness.api.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that wants HTTP Basic (Confluent Cloud's Schema Registry with its API key and secret):
 * the client sends the credentials it was given, and a refusal says so without showing them.
 */
class SchemaRegistryClientAuthTest {

    private static final String KEY = "SRKEY7";
    private static final String SECRET = "sr-canary-5ecret";
    private static final Schema SCHEMA = SchemaBuilder.record("Event").fields().requiredString("id").endRecord();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI url;

    @BeforeEach
    void registryWantingBasicAuth() throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            boolean allowed = expected.equals(authorization);
            byte[] body = (allowed ? "{\"id\":42}" : "{\"error_code\":40101,\"message\":\"Unauthorized\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheCredentialsItWasGivenAsHttpBasic() {
        SchemaRegistryClient client = new SchemaRegistryClient(url,
                Optional.of(new RegistryCredentials(Secret.of(KEY), Secret.of(SECRET))), Duration.ofSeconds(5));

        assertThat(client.register("ph_orders-value", SCHEMA)).isEqualTo(42);
        assertThat(authorizations).hasSize(1);
    }

    @Test
    void aRefusalSaysTheCredentialsWereNotAcceptedAndShowsNeitherKeyNorSecret() {
        SchemaRegistryClient client = new SchemaRegistryClient(url,
                Optional.of(new RegistryCredentials(Secret.of(KEY), Secret.of("a-wrong-secret"))), Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.register("ph_orders-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("did not accept the credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY, "a-wrong-secret"));
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSentAndTheRefusalSaysNoneWereGiven() {
        SchemaRegistryClient client = new SchemaRegistryClient(url, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.register("ph_orders-value", SCHEMA))
                .hasMessageContaining("the topology gave none");
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void theCredentialsPrintAsMasked() {
        assertThat(new RegistryCredentials(Secret.of(KEY), Secret.of(SECRET)).toString()).doesNotContain(KEY, SECRET);
    }
}
