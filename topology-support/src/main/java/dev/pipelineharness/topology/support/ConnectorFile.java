package dev.pipelineharness.topology.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connector of a pipeline, read from its file ({@code {"name": ..., "config": {...}}} as Kafka
 * Connect's REST API takes it) after its placeholders were filled, its name in the deployment's
 * namespace. Bad JSON or a wrong shape is an error naming the file, line and column.
 *
 * @param name        the connector's name in the namespace
 * @param config      its configuration, every value as text
 * @param displayName the file it came from, for messages
 */
public record ConnectorFile(String name, Map<String, String> config, String displayName) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConnectorFile {
        config = Map.copyOf(config);
    }

    public static ConnectorFile parse(PipelineFile file, String resolvedJson, NamespacedNames names) {
        JsonNode root;
        try {
            root = JSON.readTree(resolvedJson);
        } catch (JsonProcessingException e) {
            throw new ScenarioDefinitionException(
                    file.location(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? 0 : e.getLocation().getColumnNr()),
                    "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.hasNonNull("name") || !root.path("config").isObject()) {
            throw new ScenarioDefinitionException(Location.ofFile(file.displayName()), "",
                    "a connector file must be {\"name\": ..., \"config\": {...}} as Kafka Connect's REST API takes it");
        }
        Map<String, String> config = new LinkedHashMap<>();
        root.get("config").fields().forEachRemaining(field -> config.put(field.getKey(), field.getValue().asText()));
        return new ConnectorFile(names.connector(root.get("name").asText()), config, file.displayName());
    }

    public String connectorClass() {
        return config.getOrDefault("connector.class", "");
    }

    @Override
    public String toString() {
        // never the config: it holds passwords
        return "connector " + name + " (" + displayName + ")";
    }
}
