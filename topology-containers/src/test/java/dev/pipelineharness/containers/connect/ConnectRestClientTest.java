package dev.pipelineharness.containers.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.containers.StubRestServer;
import dev.pipelineharness.topology.support.ConnectorDelete;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka Connect's REST API as its documentation shows it, from a stub. */
class ConnectRestClientTest {

    private StubRestServer connect;
    private ConnectRestClient client;

    @BeforeEach
    void start() throws Exception {
        connect = new StubRestServer();
        client = new ConnectRestClient(connect.uri());
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    @Test
    void createsAConnectorByPuttingItsConfig() throws Exception {
        connect.answer("PUT /connectors/r1_s1_cdc/config", 201, "{\"name\":\"r1_s1_cdc\",\"config\":{},\"tasks\":[]}");

        client.create("r1_s1_cdc", Map.of("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                "pipelines/p/connect/cdc.json");

        assertThat(connect.requests).singleElement().asString().startsWith("PUT /connectors/r1_s1_cdc/config {")
                .contains("\"connector.class\":\"io.debezium.connector.postgresql.PostgresConnector\"");
    }

    @Test
    void aConfigConnectRejectsIsAnErrorNamingThePipelineFile() {
        connect.answer("PUT /connectors/r1_s1_cdc/config", 400,
                "{\"error_code\":400,\"message\":\"Connector configuration is invalid and contains the following 1 error(s):\\n"
                        + "Missing required configuration \\\"topic.prefix\\\"\"}");

        assertThatThrownBy(() -> client.create("r1_s1_cdc", Map.of(), "pipelines/p/connect/cdc.json"))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageStartingWith("pipelines/p/connect/cdc.json")
                .hasMessageContaining("topic.prefix");
    }

    @Test
    void waitsUntilTheConnectorAndItsTasksRun() {
        connect.answer("GET /connectors/r1_s1_cdc/status", 200,
                "{\"name\":\"r1_s1_cdc\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"connect:8083\"},"
                        + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"connect:8083\"}]}");

        client.awaitRunning("r1_s1_cdc", Duration.ofSeconds(5));
    }

    @Test
    void aConnectorWithoutTasksIsNotRunningYet() {
        connect.answer("GET /connectors/r1_s1_cdc/status", 200,
                "{\"name\":\"r1_s1_cdc\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}");

        assertThatThrownBy(() -> client.awaitRunning("r1_s1_cdc", Duration.ofMillis(500)))
                .hasMessageContaining("connector r1_s1_cdc and all its tasks to be RUNNING");
    }

    @Test
    void aFailedTaskEndsTheWaitWithItsTrace() {
        connect.answer("GET /connectors/r1_s1_cdc/status", 200,
                "{\"name\":\"r1_s1_cdc\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[{\"id\":0,\"state\":\"FAILED\","
                        + "\"trace\":\"org.postgresql.util.PSQLException: Connection refused\\n\\tat ...\"}]}");

        assertThatThrownBy(() -> client.awaitRunning("r1_s1_cdc", Duration.ofSeconds(30)))
                .hasMessage("task 0 of connector r1_s1_cdc FAILED: org.postgresql.util.PSQLException: Connection refused");
        // the first FAILED status ends the wait: it does not poll on until its time is up
        assertThat(connect.requests).containsExactly("GET /connectors/r1_s1_cdc/status");
    }

    @Test
    void findsAnInstalledPlugin() throws Exception {
        connect.answer("GET /connector-plugins", 200,
                "[{\"class\":\"io.debezium.connector.jdbc.JdbcSinkConnector\",\"type\":\"sink\",\"version\":\"3.5.0.Final\"},"
                        + "{\"class\":\"io.debezium.connector.postgresql.PostgresConnector\",\"type\":\"source\"}]");

        assertThat(client.hasPlugin("io.debezium.connector.postgresql.PostgresConnector")).isTrue();
        assertThat(client.hasPlugin("dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceConnector")).isFalse();
    }

    @Test
    void deletingAConnectorThatIsGoneIsFine() {
        connect.answer("DELETE /connectors/r1_s1_gone", 404, "{\"error_code\":404,\"message\":\"Connector r1_s1_gone not found\"}");

        client.startDelete("r1_s1_gone").await();

        assertThat(connect.requests).containsExactly("DELETE /connectors/r1_s1_gone");
    }

    @Test
    void deletesConnectorsWithAllRequestsInFlightAtOnce() {
        List<String> names = List.of("r1_s1_cdc", "r1_s1_sink_a", "r1_s1_sink_b");
        names.forEach(name -> connect.answer("DELETE /connectors/" + name, 204, ""));
        CountDownLatch allArrived = new CountDownLatch(names.size());
        AtomicInteger answeredTogether = new AtomicInteger();
        connect.beforeAnswering(request -> {
            if (request.startsWith("DELETE ")) {
                allArrived.countDown();
                // bounded: DELETEs sent one after another are answered late, and the assertion says so
                if (allArrived.await(5, TimeUnit.SECONDS)) {
                    answeredTogether.incrementAndGet();
                }
            }
        });

        List<ConnectorDelete> deletes = names.stream().map(client::startDelete).toList();
        deletes.forEach(ConnectorDelete::await);

        assertThat(answeredTogether.get())
                .as("DELETEs held until all %d had arrived (fewer: they were sent one after another)", names.size())
                .isEqualTo(names.size());
    }

    @Test
    void aDeleteConnectFailsIsAnErrorNamingTheConnectorAndStatus() {
        connect.answer("DELETE /connectors/r1_s1_cdc", 500, "{\"error_code\":500,\"message\":\"Request timed out\"}");

        ConnectorDelete delete = client.startDelete("r1_s1_cdc");

        assertThatThrownBy(delete::await).isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka Connect did not delete connector r1_s1_cdc (HTTP 500): Request timed out");
    }

    @Test
    void aDeleteConnectNeverAnswersIsAnErrorNamingItsUrlAndTheConnector() {
        URI stopped = connect.uri();
        connect.close();

        ConnectorDelete delete = new ConnectRestClient(stopped).startDelete("r1_s1_cdc");

        assertThatThrownBy(delete::await).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Kafka Connect at " + stopped + " did not answer the DELETE of connector r1_s1_cdc: ");
    }
}
