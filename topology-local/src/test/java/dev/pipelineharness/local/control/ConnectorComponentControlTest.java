package dev.pipelineharness.local.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pipelineharness.api.control.ComponentOperation;
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.local.connect.ConnectorClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment's connector as a component, against a stub of Connect's REST API that pauses,
 * resumes and restarts as Connect does (asynchronously: the status changes a poll or two later).
 */
class ConnectorComponentControlTest {

    private static final String CONNECTOR = "ns_1_postgres_cdc";

    private final List<String> requests = new ArrayList<>();
    private HttpServer server;
    private ConnectorComponentControl component;
    /** What the stub's status answers: the connector's state and its task's. */
    private volatile String connectorState = "RUNNING";
    private volatile String taskState = "RUNNING";
    /** Polls of the status until a requested state shows, as Connect's asynchronous pause does. */
    private volatile int pollsUntilApplied;
    private volatile String pending;
    private volatile boolean restartsNothing;

    @BeforeEach
    void startStubConnect() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            synchronized (requests) {
                requests.add(request);
            }
            String base = "/connectors/" + CONNECTOR;
            int code;
            String body;
            if (request.equals("PUT " + base + "/pause")) {
                requested("PAUSED");
                code = 202;
                body = "";
            } else if (request.equals("PUT " + base + "/resume")) {
                requested("RUNNING");
                code = 202;
                body = "";
            } else if (request.equals("POST " + base + "/restart?includeTasks=true&onlyFailed=false")) {
                if (restartsNothing) {
                    code = 204;
                    body = "";
                } else {
                    connectorState = "RESTARTING";
                    taskState = "RESTARTING";
                    requested("RUNNING");
                    code = 202;
                    body = status();
                }
            } else if (request.equals("GET " + base + "/status")) {
                if (pending != null && pollsUntilApplied-- <= 0) {
                    connectorState = pending;
                    taskState = pending;
                    pending = null;
                }
                code = 200;
                body = status();
            } else {
                code = 404;
                body = "{\"error_code\":404,\"message\":\"no such connector\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        component = new ConnectorComponentControl("postgres_cdc", CONNECTOR, client());
    }

    private ConnectorClient client() {
        return ConnectorClient.forUrl("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void requested(String state) {
        pending = state;
        pollsUntilApplied = 2;
    }

    private String status() {
        return "{\"name\":\"" + CONNECTOR + "\",\"connector\":{\"state\":\"" + connectorState
                + "\",\"worker_id\":\"127.0.0.1:8083\"},\"tasks\":[{\"id\":0,\"state\":\"" + taskState
                + "\",\"worker_id\":\"127.0.0.1:8083\"}],\"type\":\"source\"}";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void isNamedByItsLogicalNameAndOwnedByItsDeployment() {
        assertThat(component.name()).isEqualTo("connect.postgres_cdc");
        assertThat(component.scope()).isEqualTo(Scope.DEPLOYMENT);
        assertThat(component.operations()).containsExactlyInAnyOrder(ComponentOperation.PAUSE, ComponentOperation.RESTART);
    }

    @Test
    void pausedOnlyOnceTheRestStatusShowsItAndRunningAgainAfterTheResume() {
        component.pause();
        assertThat(component.state()).isEqualTo(ComponentState.RUNNING); // Connect pauses asynchronously
        assertThat(component.state()).isEqualTo(ComponentState.RUNNING);
        assertThat(component.state()).isEqualTo(ComponentState.PAUSED);
        assertThat(component.observedState()).isEqualTo("PAUSED (REST status of " + CONNECTOR
                + ": connector PAUSED, tasks [0=PAUSED])");

        component.resume();
        component.awaitReady(Duration.ofSeconds(10));
        assertThat(component.state()).isEqualTo(ComponentState.RUNNING);
        assertThat(requests).contains("PUT /connectors/" + CONNECTOR + "/pause", "PUT /connectors/" + CONNECTOR + "/resume");
    }

    @Test
    void aConnectorWhoseTaskStillRunsIsNotPaused() {
        connectorState = "PAUSED";
        taskState = "RUNNING";
        assertThat(component.state()).isEqualTo(ComponentState.RUNNING);
        taskState = "FAILED";
        assertThat(component.state()).isEqualTo(ComponentState.STOPPED);
    }

    @Test
    void aRestartIsAwaitedUntilRunningAndItsAnswerIsEvidence() {
        component.restart(Duration.ofSeconds(10));

        assertThat(component.state()).isEqualTo(ComponentState.RUNNING);
        assertThat(component.observedState()).isEqualTo("RUNNING (REST status of " + CONNECTOR
                + ": connector RUNNING, tasks [0=RUNNING]); the restart was answered with connector RESTARTING,"
                + " tasks [0=RESTARTING]");
    }

    @Test
    void aRestartConnectAnswersWithNoContentHadNoEffect() {
        restartsNothing = true;
        assertThatThrownBy(() -> component.restart(Duration.ofSeconds(10)))
                .hasMessage("restart connect.postgres_cdc had no effect: Connect restarted nothing (" + CONNECTOR
                        + " answered 204)");
    }

    @Test
    void aConnectorThatNeverPausesIsReportedWithItsLastStatus() {
        component.pause();
        pending = null; // this stub's connector ignores the pause
        assertThatThrownBy(() -> client().awaitState(CONNECTOR, "PAUSED", Duration.ofMillis(700)))
                .hasMessageContaining("connector " + CONNECTOR + " and all its tasks to be PAUSED")
                .hasMessageContaining("Last status of " + CONNECTOR + ": " + CONNECTOR + " RUNNING tasks [0=RUNNING]");
    }
}
