package dev.pipelineharness.containers.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.containers.support.HttpProbe;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.topology.support.ConnectErrorBody;
import dev.pipelineharness.topology.support.ConnectorDelete;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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
                    "Kafka Connect rejected this connector (HTTP " + response.statusCode() + "): "
                            + ConnectErrorBody.message(response.body()));
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

    /** Sends {@code DELETE /connectors/{name}} and returns at once ({@link ConnectorDelete}: why a deployment sends them all first). */
    public ConnectorDelete startDelete(String name) {
        return new ConnectorDelete(base, name, HttpProbe.sendAsync("DELETE", uri("/connectors/" + encode(name)), null),
                DELETE_ANSWER_TIMEOUT);
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

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
