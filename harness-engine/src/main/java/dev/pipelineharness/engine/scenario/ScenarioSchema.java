package dev.pipelineharness.engine.scenario;

import dev.pipelineharness.engine.yaml.FieldPaths;
import dev.pipelineharness.engine.yaml.LocatedDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.support.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates a scenario's structure against {@code scenario.schema.json} (shipped in the jar) and turns
 * the first schema violation, in file order, into a {@link ScenarioDefinitionException} that names the
 * line, column and field in words a user understands.
 */
final class ScenarioSchema {

    static final String RESOURCE = "/dev/pipelineharness/engine/scenario/scenario.schema.json";

    private final JsonSchema schema;
    private final Set<String> topLevelKeys;

    ScenarioSchema() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scenario schema missing from the jar: " + RESOURCE);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        topLevelKeys = new TreeSet<>();
        schema.getSchemaNode().get("properties").fieldNames().forEachRemaining(topLevelKeys::add);
    }

    void validate(LocatedDocument document) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document.root())) {
            violations.add(violation(document, message));
        }
        violations.stream()
                .min(Comparator.comparingInt((Violation v) -> v.rank)
                        .thenComparingInt(v -> v.location.line())
                        .thenComparingInt(v -> v.location.column())
                        .thenComparing(v -> v.problem))
                .ifPresent(v -> {
                    throw new ScenarioDefinitionException(v.location, v.field, v.problem);
                });
    }

    /** @param rank 0 for unknown keys, which come first: a misspelt key usually explains a "missing" one */
    private record Violation(int rank, Location location, String field, String problem) {
        Violation(Location location, String field, String problem) {
            this(1, location, field, problem);
        }
    }

    private Violation violation(LocatedDocument document, ValidationMessage message) {
        String pointer = pointer(message.getInstanceLocation());
        JsonNode instance = message.getInstanceNode();
        Object[] arguments = message.getArguments() == null ? new Object[0] : message.getArguments();
        switch (message.getType()) {
            case "additionalProperties" -> {
                String key = message.getProperty();
                String keyPointer = pointer + "/" + escape(key);
                Set<String> allowed = allowedKeys(pointer);
                return new Violation(0, document.locate(keyPointer), FieldPaths.fromPointer(keyPointer),
                        "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                                + "; allowed: " + String.join(", ", allowed));
            }
            case "required" -> {
                String key = message.getProperty() != null ? message.getProperty() : String.valueOf(arguments[0]);
                String field = FieldPaths.fromPointer(pointer + "/" + escape(key));
                return new Violation(document.locate(pointer), field, "is required but missing");
            }
            case "type" -> {
                String expected = arguments.length > 1 ? String.valueOf(arguments[1]) : "another type";
                return new Violation(document.locate(pointer), FieldPaths.fromPointer(pointer),
                        "must be " + typeWords(expected) + ", was " + describe(instance));
            }
            case "minItems" -> {
                return new Violation(document.locate(pointer), FieldPaths.fromPointer(pointer),
                        "must list at least " + arguments[0] + " entry");
            }
            case "minLength" -> {
                return new Violation(document.locate(pointer), FieldPaths.fromPointer(pointer), "must not be empty");
            }
            case "minProperties", "maxProperties" -> {
                return new Violation(document.locate(pointer), FieldPaths.fromPointer(pointer), entryShape(pointer));
            }
            default -> {
                String text = message.getMessage();
                int colon = text.indexOf(": ");
                return new Violation(document.locate(pointer), FieldPaths.fromPointer(pointer),
                        colon >= 0 ? text.substring(colon + 2) : text);
            }
        }
    }

    private Set<String> allowedKeys(String pointer) {
        if (pointer.isEmpty()) {
            return topLevelKeys;
        }
        return new TreeSet<>(List.of("at", "for", "<fault-name>"));
    }

    private static String entryShape(String pointer) {
        if (pointer.startsWith("/faults/")) {
            return "a fault entry needs 'at', optionally 'for', and exactly one fault such as 'kill-broker: east'";
        }
        String section = pointer.startsWith("/generate/") ? "generator" : "check";
        return "an entry must hold exactly one " + section + ", written '- <" + section + "-name>: {settings}'";
    }

    private static String typeWords(String expected) {
        return switch (expected.replace("[", "").replace("]", "").replace("\"", "").replace(" ", "")) {
            case "string" -> "a text value";
            case "integer" -> "a whole number";
            case "array" -> "a list";
            case "object" -> "a mapping";
            case "object,string" -> "a name or a mapping of one name to its settings";
            default -> "of type " + expected;
        };
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isTextual() ? "'" + value.asText() + "'" : value.asText();
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
