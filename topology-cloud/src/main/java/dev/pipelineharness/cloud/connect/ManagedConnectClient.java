package dev.pipelineharness.cloud.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelineharness.cloud.http.ApiCredentials;
import dev.pipelineharness.cloud.http.CloudApiException;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Managed connectors of one Kafka cluster (Connect API v1 of Confluent Cloud): create, wait until
 * RUNNING (a FAILED connector's {@code trace} and its tasks' messages are the error), pause, resume,
 * restart, delete.
 */
public final class ManagedConnectClient {

    /** A connector's state ({@code PROVISIONING}, {@code RUNNING}, {@code PAUSED}, {@code FAILED}, ...) and why. */
    public record ConnectorState(String state, String trace, List<String> taskProblems) {
        public String describe() {
            return state + (trace.isEmpty() ? "" : ": " + trace) + (taskProblems.isEmpty() ? "" : " " + taskProblems);
        }
    }

    private final CloudHttp http;
    private final CloudWait wait;
    private final URI base;
    private final ApiCredentials credentials;

    public ManagedConnectClient(CloudHttp http, CloudWait wait, URI apiUrl, String environmentId, String clusterId,
                                ApiCredentials credentials) {
        this.http = http;
        this.wait = wait;
        this.base = URI.create(apiUrl.toString().replaceAll("/+$", "") + "/connect/v1/environments/" + environmentId
                + "/clusters/" + clusterId + "/connectors");
        this.credentials = credentials;
    }

    /** A read that proves the Cloud API key works. */
    public List<String> list() {
        JsonNode body = http.get(base, credentials).body();
        List<String> names = new ArrayList<>();
        body.forEach(name -> names.add(name.asText()));
        return names;
    }

    /** @param displayName the pipeline file, named in the error when Connect rejects the configuration */
    public void create(String name, Map<String, String> config, String displayName) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
        ObjectNode settings = body.putObject("config");
        config.forEach(settings::put);
        settings.put("name", name);
        try {
            http.post(base, credentials, body);
        } catch (CloudApiException e) {
            throw new IllegalStateException(displayName + ": Confluent Cloud refused connector " + name + ": "
                    + e.getMessage(), e);
        }
    }

    public ConnectorState state(String name) {
        JsonNode status = http.get(at(name, "/status"), credentials).body();
        List<String> problems = new ArrayList<>();
        status.path("tasks").forEach(task -> {
            if (!"RUNNING".equals(task.path("state").asText()) && !task.path("msg").asText("").isEmpty()) {
                problems.add("task " + task.path("id").asText() + " " + task.path("state").asText() + ": "
                        + task.path("msg").asText());
            }
        });
        return new ConnectorState(status.path("connector").path("state").asText(""),
                http.masker().mask(status.path("connector").path("trace").asText("")), problems);
    }

    /** Waits until the connector is {@code wanted}; FAILED ends the wait with its trace. */
    public ConnectorState awaitState(String name, String wanted, String displayName, Duration timeout) {
        if (http.planning()) {
            http.log().note("GET", at(name, "/status").toString(), "poll until " + wanted);
            return new ConnectorState(wanted, "", List.of());
        }
        return wait.until("connector " + name + " (" + displayName + ") to be " + wanted, timeout, () -> {
            ConnectorState state = state(name);
            if ("FAILED".equals(state.state())) {
                throw new IllegalStateException(displayName + ": connector " + name + " FAILED: " + state.describe());
            }
            return state;
        }, state -> wanted.equals(state.state()), ConnectorState::describe);
    }

    public void pause(String name) {
        http.put(at(name, "/pause"), credentials, null);
    }

    public void resume(String name) {
        http.put(at(name, "/resume"), credentials, null);
    }

    public void restart(String name) {
        http.post(at(name, "/restart"), credentials, null);
    }

    /** Deletes the connector; one already gone is fine. */
    public void delete(String name) {
        try {
            http.delete(at(name, ""), credentials);
        } catch (CloudApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    private URI at(String name, String suffix) {
        return URI.create(base + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + suffix);
    }
}
