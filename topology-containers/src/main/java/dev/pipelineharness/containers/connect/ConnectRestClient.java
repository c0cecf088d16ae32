package dev.pipelineharness.containers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.containers.support.HttpProbe;
import dev.pipelineharness.topology.support.BoundedWait;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Kafka Connect's REST API, as documented: create or update, status, committed offsets, delete, and the installed plugins. */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    // the other deletes in flight share the worker, so its answer may take longer than one request's timeout
    private static final Duration DELETE_ANSWER_TIMEOUT = HttpProbe.REQUEST_TIMEOUT.multipliedBy(2);

    private final URI base;

    public ConnectRestClient(URI base) {
        this.base = base;
    }

    /** {@code PUT /connectors/{name}/config}; a configuration Connect rejects is an error naming the file. */
    public void create(String name, Map<String, String> config, String displayName) throws Exception {
        HttpResponse<String> response = HttpProbe.send("PUT", uri("/connectors/" + encode(name) + "/config"),
                JSON.writeValueAsString(config));
        if (response.statusCode() >= 400) {
            throw new ScenarioDefinitionException(Location.ofFile(displayName), "",
                    "Kafka Connect rejected this connector (HTTP " + response.statusCode() + "): " + message(response.body()));
        }
    }

    /** Waits until the connector and every task are {@code RUNNING}; a {@code FAILED} task ends the wait with its trace. */
    public void awaitRunning(String name, Duration timeout) {
        BoundedWait.until("connector " + name + " and all its tasks to be RUNNING in Kafka Connect", timeout, null, () -> {
            HttpResponse<String> response = HttpProbe.get(uri("/connectors/" + encode(name) + "/status"));
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode status = JSON.readTree(response.body());
            for (JsonNode task : status.path("tasks")) {
                if ("FAILED".equals(task.path("state").asText())) {
                    throw new BoundedWait.NeverReadyException("task " + task.path("id").asText() + " of connector " + name
                            + " FAILED: " + firstLine(task.path("trace").asText()));
                }
            }
            boolean tasksRunning = status.path("tasks").size() > 0;
            for (JsonNode task : status.path("tasks")) {
                tasksRunning &= "RUNNING".equals(task.path("state").asText());
            }
            return "RUNNING".equals(status.path("connector").path("state").asText()) && tasksRunning;
        });
    }

    /** Deletes the connector and waits for Connect's answer; a connector that does not exist is not an error. */
    public void delete(String name) {
        startDelete(name).await();
    }

    /**
     * Sends {@code DELETE /connectors/{name}} and returns at once, so that several deletes share the
     * worker's rebalances instead of each waiting for the one the delete before it started.
     */
    public PendingDelete startDelete(String name) {
        return new PendingDelete(name, HttpProbe.sendAsync("DELETE", uri("/connectors/" + encode(name)), null));
    }

    /** A {@code DELETE} in flight; a connector that does not exist is not an error. */
    public final class PendingDelete {

        private final String name;
        private final CompletableFuture<HttpResponse<String>> response;

        private PendingDelete(String name, CompletableFuture<HttpResponse<String>> response) {
            this.name = name;
            this.response = response;
        }

        /** Waits for Connect's answer, twice the request timeout at most. */
        public void await() {
            HttpResponse<String> answer;
            try {
                answer = response.get(DELETE_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while deleting connector " + name + " in Kafka Connect at "
                        + base, e);
            } catch (ExecutionException e) {
                throw notAnswered(e.getCause().toString(), e.getCause());
            } catch (TimeoutException e) {
                throw notAnswered("no answer within " + DELETE_ANSWER_TIMEOUT.toSeconds() + " s", e);
            }
            if (answer.statusCode() >= 400 && answer.statusCode() != 404) {
                throw new IllegalStateException("Kafka Connect did not delete connector " + name + " (HTTP "
                        + answer.statusCode() + "): " + message(answer.body()));
            }
        }

        private IllegalStateException notAnswered(String reason, Throwable cause) {
            return new IllegalStateException("Kafka Connect at " + base + " did not answer the DELETE of connector "
                    + name + ": " + reason, cause);
        }
    }

    /** True once {@code GET /connectors/{name}/offsets} (KIP-875) lists a committed source offset. */
    public boolean hasCommittedOffsets(String name) throws Exception {
        HttpResponse<String> response = HttpProbe.get(uri("/connectors/" + encode(name) + "/offsets"));
        return response.statusCode() == 200 && !JSON.readTree(response.body()).path("offsets").isEmpty();
    }

    /** True once {@code GET /connector-plugins} lists {@code connectorClass}. */
    public boolean hasPlugin(String connectorClass) throws Exception {
        HttpResponse<String> response = HttpProbe.get(uri("/connector-plugins"));
        if (response.statusCode() != 200) {
            return false;
        }
        for (JsonNode plugin : JSON.readTree(response.body())) {
            if (connectorClass.equals(plugin.path("class").asText())) {
                return true;
            }
        }
        return false;
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String message(String body) {
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (Exception e) {
            return body;
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
