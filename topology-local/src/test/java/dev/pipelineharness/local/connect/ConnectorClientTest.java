package dev.pipelineharness.local.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pipelineharness.topology.support.ConnectorDelete;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against canned Connect answers: how rejections and failures read. */
class ConnectorClientTest {

    private static final String SOURCE = "pipelines/shop/connectors/orders-cdc.json";
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private HttpServer server;
    private ConnectorClient client;

    @BeforeEach
    void startFakeConnect() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(key);
            }
            String[] answer = answers.getOrDefault(key, new String[] {"404", "{\"error_code\":404,\"message\":\"nope\"}"});
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        client = ConnectorClient.forUrl("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void validationErrorsNameTheFileAndEachField() {
        answers.put("PUT /connector-plugins/io.debezium.connector.postgresql.PostgresConnector/config/validate",
                new String[] {"200", """
                        {"name":"x","error_count":1,"configs":[
                          {"definition":{"name":"database.hostname"},"value":{"name":"database.hostname","value":null,
                           "errors":["The 'database.hostname' value is invalid: A value is required"]}},
                          {"definition":{"name":"plugin.name"},"value":{"name":"plugin.name","value":"pgoutput","errors":[]}}]}
                        """});

        assertThatThrownBy(() -> client.create("orders-cdc", Map.of(
                "connector.class", "io.debezium.connector.postgresql.PostgresConnector",
                "database.password", "s3cret"), SOURCE))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessage("Connector 'orders-cdc' from " + SOURCE + " was rejected by Kafka Connect:"
                        + System.lineSeparator()
                        + "  database.hostname: The 'database.hostname' value is invalid: A value is required")
                .extracting(e -> ((ConnectorConfigException) e).source()).isEqualTo(SOURCE);
        assertThat(requests).noneMatch(r -> r.startsWith("PUT /connectors/"));
    }

    @Test
    void aRefusedCreateGivesConnectsMessage() {
        answers.put("PUT /connector-plugins/io.debezium.connector.jdbc.JdbcSinkConnector/config/validate",
                new String[] {"200", "{\"error_count\":0,\"configs\":[]}"});
        answers.put("PUT /connectors/orders-sink/config",
                new String[] {"400", "{\"error_code\":400,\"message\":\"Connector configuration is invalid\"}"});

        assertThatThrownBy(() -> client.create("orders-sink",
                Map.of("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector"), SOURCE))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("HTTP 400: Connector configuration is invalid");
    }

    @Test
    void aMissingConnectorClassIsRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.create("x", Map.of("tasks.max", "1"), SOURCE))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("connector.class is missing");
        assertThat(requests).isEmpty();
    }

    @Test
    void awaitRunningFailsAtOnceWithTheTraceOfAFailedTask() {
        answers.put("GET /connectors/orders-cdc/status", new String[] {"200", """
                {"name":"orders-cdc","connector":{"state":"RUNNING","worker_id":"w"},
                 "tasks":[{"id":0,"state":"FAILED","worker_id":"w","trace":"org.postgresql.util.PSQLException: Connection refused"}]}
                """});

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.awaitRunning("orders-cdc", Duration.ofSeconds(30)))
                .hasMessageContaining("task orders-cdc-0 FAILED: org.postgresql.util.PSQLException: Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void awaitRunningNeedsEveryTaskRunning() {
        answers.put("GET /connectors/orders-cdc/status", new String[] {"200", """
                {"name":"orders-cdc","connector":{"state":"RUNNING","worker_id":"w"},"tasks":[]}
                """});

        assertThatThrownBy(() -> client.awaitRunning("orders-cdc", Duration.ofMillis(500)))
                .hasMessageContaining("connector orders-cdc and all its tasks to be RUNNING")
                .hasMessageContaining("orders-cdc RUNNING tasks []");
    }

    @Test
    void deletesAllConnectorsWithTheRequestsInFlightTogether() throws IOException {
        // a Connect that answers each DELETE only once all three have arrived: a client sending them one
        // after another gets a 500 for the first, after 5 s
        CountDownLatch inFlight = new CountDownLatch(3);
        HttpServer together = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(3);
        together.setExecutor(handlers);
        together.createContext("/connectors/", exchange -> {
            inFlight.countDown();
            boolean allArrived;
            try {
                allArrived = inFlight.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                allArrived = false;
            }
            String name = exchange.getRequestURI().getPath().substring("/connectors/".length());
            int status = !allArrived ? 500 : name.equals("broken") ? 409 : name.equals("gone") ? 404 : 204;
            byte[] body = status == 409 ? "{\"error_code\":409,\"message\":\"rebalance in progress\"}"
                    .getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        together.start();
        try {
            ConnectorClient connect = ConnectorClient.forUrl("http://127.0.0.1:" + together.getAddress().getPort());

            List<ConnectorDelete> deletes = Stream.of("orders-cdc", "broken", "gone")
                    .map(connect::startDelete).toList();

            deletes.get(0).await();
            assertThatThrownBy(deletes.get(1)::await).hasMessage("Kafka Connect did not delete connector broken (HTTP 409): rebalance in progress");
            deletes.get(2).await();
            assertThat(inFlight.getCount()).isZero();
        } finally {
            together.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void deletingAMissingConnectorIsNotAnError() {
        client.delete("gone");
        assertThat(requests).containsExactly("DELETE /connectors/gone");
    }
}
