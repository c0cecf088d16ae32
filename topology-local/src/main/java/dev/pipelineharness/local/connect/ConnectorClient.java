package dev.pipelineharness.local.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.ConnectErrorBody;
import dev.pipelineharness.topology.support.ConnectorDelete;
import dev.pipelineharness.local.process.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Kafka Connect's REST API for connectors: create (validated first), wait until running, status,
 * restart, delete. Connector configurations hold passwords, so they are never put in a message.
 */
public final class ConnectorClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Supplier<ManagedProcess> worker;

    /**
     * @param worker the worker process, so waits end early (with its log tail) if it dies; may supply null
     */
    ConnectorClient(URI base, HttpClient http, Supplier<ManagedProcess> worker) {
        this.base = base;
        this.http = http;
        this.worker = worker;
    }

    /** A client for any Connect REST endpoint (a worker this JVM did not start, say). */
    public static ConnectorClient forUrl(String restUrl) {
        return new ConnectorClient(URI.create(restUrl), HttpClient.newHttpClient(), () -> null);
    }

    /**
     * Validates the configuration with the plugin ({@code PUT /connector-plugins/{class}/config/validate})
     * and, if Connect finds nothing wrong, creates or updates the connector ({@code PUT /connectors/{name}/config}).
     *
     * @param config            the connector's configuration, {@code connector.class} included
     * @param sourceDisplayName the file it came from, named in any error (for example {@code pipelines/x/connectors/orders-cdc.json})
     * @throws ConnectorConfigException with Connect's messages when Connect rejects the configuration
     */
    public void create(String name, Map<String, String> config, String sourceDisplayName) {
        String connectorClass = config.get("connector.class");
        if (connectorClass == null || connectorClass.isBlank()) {
            throw new ConnectorConfigException(sourceDisplayName, name, List.of("connector.class is missing"));
        }
        Map<String, String> withName = new LinkedHashMap<>(config);
        withName.put("name", name);
        validate(name, connectorClass, withName, sourceDisplayName);
        HttpResponse<String> response = send("PUT", "/connectors/" + encode(name) + "/config", withName);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new ConnectorConfigException(sourceDisplayName, name,
                    List.of("HTTP " + response.statusCode() + ": " + ConnectErrorBody.message(response.body())));
        }
    }

    /**
     * Waits until the connector and all its tasks are RUNNING. Fails at once, with the stack trace
     * Connect recorded, if the connector or a task FAILED.
     */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        AtomicReference<ConnectorStatus> last = new AtomicReference<>();
        try {
            BoundedWait.until("connector " + name + " and all its tasks to be RUNNING", timeout, worker.get(), () -> {
                ConnectorStatus status = status(name);
                last.set(status);
                if (status.hasFailed()) {
                    return true;
                }
                if (!status.isRunning()) {
                    throw new IllegalStateException("not running yet: " + status);
                }
                return true;
            });
        } catch (IllegalStateException e) {
            // The wait's last error may be the interrupted final poll; the last status says more.
            ConnectorStatus seen = last.get();
            throw new IllegalStateException(e.getMessage() + System.lineSeparator() + "Last status of " + name + ": "
                    + (seen == null ? "none (Connect never answered)" : seen), e);
        }
        ConnectorStatus status = last.get();
        if (status.hasFailed()) {
            throw new IllegalStateException("Connector " + name + " failed:" + System.lineSeparator() + status.failures());
        }
        return status;
    }

    /**
     * The source offsets the connector has committed ({@code GET /connectors/{name}/offsets}, KIP-875):
     * each source partition with its offset, every value as text.
     */
    public List<Map.Entry<Map<String, String>, Map<String, String>>> offsets(String name) {
        HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/offsets", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Offsets of connector " + name + ": HTTP " + response.statusCode() + ": "
                    + ConnectErrorBody.message(response.body()));
        }
        List<Map.Entry<Map<String, String>, Map<String, String>>> offsets = new ArrayList<>();
        for (JsonNode entry : parse(response).path("offsets")) {
            offsets.add(Map.entry(texts(entry.path("partition")), texts(entry.path("offset"))));
        }
        return offsets;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    /** The connector's state and its tasks' ({@code GET /connectors/{name}/status}). */
    public ConnectorStatus status(String name) {
        HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/status", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Status of connector " + name + ": HTTP " + response.statusCode() + ": "
                    + ConnectErrorBody.message(response.body()));
        }
        return statusOf(name, parse(response));
    }

    /** {@code {"connector": {"state": ...}, "tasks": [{"id": 0, "state": ...}]}}, as status and restart answer. */
    private static ConnectorStatus statusOf(String name, JsonNode body) {
        JsonNode connector = body.path("connector");
        List<ConnectorStatus.Task> tasks = new ArrayList<>();
        for (JsonNode task : body.path("tasks")) {
            tasks.add(new ConnectorStatus.Task(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), textOrNull(task.path("trace"))));
        }
        return new ConnectorStatus(name, connector.path("state").asText(), textOrNull(connector.path("trace")), tasks);
    }

    /**
     * Restarts the connector and all its tasks ({@code POST /connectors/{name}/restart?includeTasks=true}).
     *
     * @return the status Connect answered with (202 Accepted: what it is restarting, {@code RESTARTING});
     *     empty when it answered 204, which means it restarted nothing
     */
    public Optional<ConnectorStatus> restart(String name) {
        HttpResponse<String> response = send("POST", "/connectors/" + encode(name)
                + "/restart?includeTasks=true&onlyFailed=false", null);
        if (response.statusCode() != 200 && response.statusCode() != 202 && response.statusCode() != 204) {
            throw new IllegalStateException("Restart of connector " + name + ": HTTP " + response.statusCode() + ": "
                    + ConnectErrorBody.message(response.body()));
        }
        if (response.statusCode() == 204 || response.body().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(statusOf(name, parse(response)));
    }

    /**
     * Pauses the connector and its tasks ({@code PUT /connectors/{name}/pause}). Connect answers at once
     * (202) and pauses asynchronously: {@link #awaitState} waits for {@code PAUSED}.
     */
    public void pause(String name) {
        accepted("Pause", name, send("PUT", "/connectors/" + encode(name) + "/pause", null));
    }

    /** Resumes a paused connector and its tasks ({@code PUT /connectors/{name}/resume}), asynchronously too. */
    public void resume(String name) {
        accepted("Resume", name, send("PUT", "/connectors/" + encode(name) + "/resume", null));
    }

    /**
     * Waits until the connector and every task are in {@code state} ({@code PAUSED}, say); fails at once
     * if one FAILED, and names the last status it saw when the time is up.
     */
    public ConnectorStatus awaitState(String name, String state, Duration timeout) {
        AtomicReference<ConnectorStatus> last = new AtomicReference<>();
        try {
            BoundedWait.until("connector " + name + " and all its tasks to be " + state, timeout, worker.get(), () -> {
                ConnectorStatus status = status(name);
                last.set(status);
                return status.hasFailed() || status.isAll(state);
            });
        } catch (IllegalStateException e) {
            ConnectorStatus seen = last.get();
            throw new IllegalStateException(e.getMessage() + System.lineSeparator() + "Last status of " + name + ": "
                    + (seen == null ? "none (Connect never answered)" : seen), e);
        }
        ConnectorStatus status = last.get();
        if (status.hasFailed() && !"FAILED".equals(state)) {
            throw new IllegalStateException("Connector " + name + " failed:" + System.lineSeparator() + status.failures());
        }
        return status;
    }

    private void accepted(String what, String name, HttpResponse<String> response) {
        if (response.statusCode() != 202 && response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(what + " of connector " + name + ": HTTP " + response.statusCode() + ": "
                    + ConnectErrorBody.message(response.body()));
        }
    }

    /** Deletes the connector; a connector that does not exist is not an error. */
    public void delete(String name) {
        startDelete(name).await();
    }

    /** Sends the DELETE and returns without waiting ({@link ConnectorDelete}: why a deployment sends them all first). */
    public ConnectorDelete startDelete(String name) {
        // twice the request timeout: the other deletes in flight share the worker
        return new ConnectorDelete(base, name, http.sendAsync(request("DELETE", "/connectors/" + encode(name), null),
                HttpResponse.BodyHandlers.ofString()), REQUEST_TIMEOUT.multipliedBy(2));
    }

    /**
     * The connector classes the worker can run ({@code GET /connector-plugins}); with
     * {@code plugin.discovery=service_load} only those whose jar lists them in
     * {@code META-INF/services/org.apache.kafka.connect.(source.SourceConnector|sink.SinkConnector)}.
     */
    public List<String> plugins() {
        HttpResponse<String> response = send("GET", "/connector-plugins", null);
        List<String> classes = new ArrayList<>();
        parse(response).forEach(node -> classes.add(node.path("class").asText()));
        return classes;
    }

    /** The names of the connectors the worker's cluster runs. */
    public List<String> list() {
        HttpResponse<String> response = send("GET", "/connectors", null);
        List<String> names = new ArrayList<>();
        parse(response).forEach(node -> names.add(node.asText()));
        return names;
    }

    private void validate(String name, String connectorClass, Map<String, String> config, String source) {
        HttpResponse<String> response = send("PUT", "/connector-plugins/" + encode(connectorClass)
                + "/config/validate", config);
        if (response.statusCode() != 200) {
            throw new ConnectorConfigException(source, name,
                    List.of("HTTP " + response.statusCode() + ": " + ConnectErrorBody.message(response.body())));
        }
        JsonNode body = parse(response);
        if (body.path("error_count").asInt() == 0) {
            return;
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode field : body.path("configs")) {
            JsonNode value = field.path("value");
            for (JsonNode error : value.path("errors")) {
                errors.add(value.path("name").asText() + ": " + error.asText());
            }
        }
        throw new ConnectorConfigException(source, name, errors);
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the body of " + method + " " + path + " as JSON", e);
        }
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect at " + base + " did not answer " + method + " " + path
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + base.resolve(path), e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kafka Connect at " + base + " answered " + response.uri()
                    + " with something that is not JSON: " + response.body(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
