package dev.pipelineharness.cloud.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Values taken from a {@code terraform output -json} file ({@code {"name": {"sensitive", "type",
 * "value"}}}) through a small mapping file, a properties file whose keys are the harness's keys
 * without {@link CloudKeys#PREFIX} and whose values are output names, optionally with a field of an
 * object output: {@code kafka.east.rest-endpoint = kafka_east.rest_endpoint}.
 *
 * <p>Terraform writes sensitive outputs in plain text; they are held here only in memory, and the
 * caller turns every value under a secret key into a {@link dev.pipelineharness.api.Secret}.
 */
final class TerraformOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    private TerraformOutputs(Map<String, String> values) {
        this.values = values;
    }

    static TerraformOutputs none() {
        return new TerraformOutputs(Map.of());
    }

    /** @throws IllegalArgumentException naming the file and the output that is missing or unreadable */
    static TerraformOutputs read(Path outputsFile, Path mappingFile) {
        JsonNode outputs;
        try {
            outputs = JSON.readTree(outputsFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the terraform outputs " + outputsFile + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (outputs == null || !outputs.isObject()) {
            throw new IllegalArgumentException(outputsFile + " is not the JSON object `terraform output -json` writes");
        }
        Properties mapping = new Properties();
        try (Reader reader = Files.newBufferedReader(mappingFile)) {
            mapping.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the terraform mapping " + mappingFile + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : mapping.stringPropertyNames()) {
            String reference = mapping.getProperty(key).trim();
            String output = reference.contains(".") ? reference.substring(0, reference.indexOf('.')) : reference;
            JsonNode node = outputs.path(output).path("value");
            if (reference.contains(".")) {
                node = node.path(reference.substring(reference.indexOf('.') + 1));
            }
            if (node.isMissingNode() || node.isNull()) {
                // named without its value: it may be sensitive
                throw new IllegalArgumentException(mappingFile + ": " + key + " maps to '" + reference
                        + "', which " + outputsFile + " does not hold (outputs: " + names(outputs) + ")");
            }
            values.put(CloudKeys.PREFIX + key.trim(), node.isValueNode() ? node.asText() : node.toString());
        }
        return new TerraformOutputs(values);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static String names(JsonNode outputs) {
        StringBuilder names = new StringBuilder();
        outputs.fieldNames().forEachRemaining(name -> names.append(names.isEmpty() ? "" : ", ").append(name));
        return names.toString();
    }
}
