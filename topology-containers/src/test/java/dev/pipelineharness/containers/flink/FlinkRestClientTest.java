package dev.pipelineharness.containers.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.containers.StubRestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flink's REST API (GET /jobs/{id}, PATCH /jobs/{id}?mode=cancel, GET /taskmanagers), from a stub. */
class FlinkRestClientTest {

    private static final String JOB = "5d7a6c1b2e3f40718293a4b5c6d7e8f9";

    private StubRestServer flink;
    private FlinkRestClient client;

    @BeforeEach
    void start() throws Exception {
        flink = new StubRestServer();
        client = new FlinkRestClient(flink.uri());
    }

    @AfterEach
    void stop() {
        flink.close();
    }

    @Test
    void aJobRunsWhenItAndEveryVertexRun() throws Exception {
        flink.answer("GET /jobs/" + JOB, 200, "{\"jid\":\"" + JOB + "\",\"state\":\"RUNNING\",\"vertices\":["
                + "{\"id\":\"a\",\"status\":\"RUNNING\"},{\"id\":\"b\",\"status\":\"RUNNING\"}]}");

        assertThat(client.isRunning(JOB)).isTrue();
    }

    @Test
    void aJobWithAVertexStillDeployingDoesNotRunYet() throws Exception {
        flink.answer("GET /jobs/" + JOB, 200, "{\"jid\":\"" + JOB + "\",\"state\":\"RUNNING\",\"vertices\":["
                + "{\"id\":\"a\",\"status\":\"RUNNING\"},{\"id\":\"b\",\"status\":\"DEPLOYING\"}]}");

        assertThat(client.isRunning(JOB)).isFalse();
        assertThatThrownBy(() -> client.awaitRunning(JOB, Duration.ofMillis(300)))
                .hasMessageContaining("Flink job " + JOB + " and all its tasks to be RUNNING");
    }

    @Test
    void aFailedJobEndsTheWaitAtOnce() {
        flink.answer("GET /jobs/" + JOB, 200, "{\"jid\":\"" + JOB + "\",\"state\":\"FAILED\",\"vertices\":[]}");

        assertThatThrownBy(() -> client.awaitRunning(JOB, Duration.ofSeconds(30)))
                .hasMessage("Flink job " + JOB + " FAILED");
        assertThat(flink.requests).containsExactly("GET /jobs/" + JOB);
    }

    @Test
    void cancellingWaitsUntilFlinkSaysTheJobIsCancelled() throws Exception {
        flink.answer("PATCH /jobs/" + JOB + "?mode=cancel", 202, "{}")
                .answer("GET /jobs/" + JOB, 200, "{\"jid\":\"" + JOB + "\",\"state\":\"CANCELED\",\"vertices\":[]}");

        client.cancel(JOB, Duration.ofSeconds(5));

        assertThat(flink.requests).startsWith("PATCH /jobs/" + JOB + "?mode=cancel");
    }

    @Test
    void seesWhetherATaskManagerIsRegistered() throws Exception {
        flink.answer("GET /taskmanagers", 200, "{\"taskmanagers\":[{\"id\":\"tm-1\",\"slotsNumber\":8}]}");

        assertThat(client.hasTaskManager()).isTrue();
    }
}
