package dev.pipelineharness.local.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.topology.support.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector file as a pipeline folder holds it ({@code {"name": ..., "config": {...}}} with
 * {@code ${...}} placeholders), read from the test resources and filled as the topology will.
 */
record PipelineConnectorFile(String displayName, String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static PipelineConnectorFile load(String resource, Map<String, String> placeholders) {
        try (InputStream in = PipelineConnectorFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String displayName = "connectors/" + resource;
            String resolved = Placeholders.resolve(new PipelineFile(Path.of(resource), displayName, text), placeholders);
            JsonNode root = JSON.readTree(resolved);
            Map<String, String> config = new LinkedHashMap<>();
            root.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return new PipelineConnectorFile(displayName, root.path("name").asText(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    PipelineConnectorFile with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(config);
        changed.put(key, value);
        return new PipelineConnectorFile(displayName, name, changed);
    }

    PipelineConnectorFile without(String key) {
        Map<String, String> changed = new LinkedHashMap<>(config);
        changed.remove(key);
        return new PipelineConnectorFile(displayName, name, changed);
    }
}
