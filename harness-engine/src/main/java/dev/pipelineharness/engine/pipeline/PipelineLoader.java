package dev.pipelineharness.engine.pipeline;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.engine.yaml.DisplayPaths;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.yaml.LocatedDocument;
import dev.pipelineharness.engine.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads a pipeline folder: its {@code pipeline.yaml} and every file it lists, into a
 * {@link PipelineDefinition}. The layout of {@code pipeline.yaml}:
 *
 * <pre>
 * name: business-routing
 * topics:
 *   - {name: raw_business_events, partitions: 3, format: json, configs: {retention.ms: 3600000}}
 * dynamodb:
 *   tables:
 *     - {name: reviews, hash-key: review_id, hash-key-type: S, range-key: ts, range-key-type: N, stream: NEW_IMAGE}
 * postgres: {ddl: [ddl/schema.sql]}
 * flink: {sql: [sql/routing.sql]}
 * connectors: [connectors/debezium.json]
 * </pre>
 *
 * A pipeline may instead be a base pipeline with small text changes ({@code extends:} and
 * {@code mutations:}, see {@link PipelineMutations}): that is how mutants are written.
 *
 * Every problem (unknown key, missing file, bad value) is a {@link ScenarioDefinitionException} naming
 * the line of {@code pipeline.yaml} it comes from.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PipelineLoader {

    /** The name of the file that describes a pipeline folder. */
    public static final String DEFINITION_FILE = "pipeline.yaml";

    private static final List<String> FORMATS = List.of("json", "avro", "string");
    private static final List<String> KEY_TYPES = List.of("S", "N", "B");
    private static final List<String> STREAM_VIEWS = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private final YamlReader reader;

    public PipelineLoader() {
        this(EnvironmentSubstitution.ofSystemEnvironment());
    }

    public PipelineLoader(EnvironmentSubstitution substitution) {
        this.reader = new YamlReader(substitution);
    }

    /** Reads {@code folder/pipeline.yaml} and the files it lists. */
    public PipelineDefinition load(Path folder) {
        Path definition = folder.resolve(DEFINITION_FILE);
        String display = DisplayPaths.of(definition);
        if (!Files.isRegularFile(definition)) {
            throw new ScenarioDefinitionException(Location.ofFile(DisplayPaths.of(folder)), "",
                    "no " + DEFINITION_FILE + " in the pipeline folder");
        }
        LocatedDocument document = reader.read(display, read(definition));
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw new ScenarioDefinitionException(document.locate(""), "",
                    DEFINITION_FILE + " must be a mapping with topics, flink, connectors, ...");
        }
        Params params = document.params(root, "", "");
        String name = params.string("name", folder.getFileName() == null ? "pipeline" : folder.getFileName().toString());
        if (params.has("extends")) {
            params.allowOnly("name", "extends", "mutations");
            PipelineDefinition base = load(folder.resolve(params.string("extends")).normalize());
            return PipelineMutations.apply(base, folder, name,
                    params.has("mutations") ? params.list("mutations") : List.of());
        }
        params.allowOnly("name", "topics", "dynamodb", "postgres", "flink", "connectors", "extends", "mutations");
        if (params.has("mutations")) {
            throw params.error("mutations", "needs 'extends': the base pipeline the mutations change");
        }
        List<TopicSpec> topics = params.has("topics") ? topics(params) : List.of();
        List<DynamoTableSpec> tables = List.of();
        if (params.has("dynamodb")) {
            tables = tables(params.params("dynamodb").allowOnly("tables"));
        }
        List<PipelineFile> ddl = List.of();
        if (params.has("postgres")) {
            ddl = files(folder, document, params.params("postgres").allowOnly("ddl"), "ddl");
        }
        List<PipelineFile> sql = List.of();
        if (params.has("flink")) {
            sql = files(folder, document, params.params("flink").allowOnly("sql"), "sql");
        }
        List<PipelineFile> connectors = files(folder, document, params, "connectors");
        return new PipelineDefinition(name, folder, topics, tables, ddl, sql, connectors);
    }

    private static List<TopicSpec> topics(Params params) {
        List<TopicSpec> topics = new ArrayList<>();
        for (Params topic : params.list("topics")) {
            topic.allowOnly("name", "partitions", "format", "configs");
            Map<String, String> configs = new LinkedHashMap<>();
            if (topic.has("configs")) {
                Params section = topic.params("configs");
                for (String key : section.keys()) {
                    configs.put(key, section.string(key));
                }
            }
            topics.add(new TopicSpec(topic.string("name"), (int) Math.min(Integer.MAX_VALUE, topic.positiveLong("partitions", 1)),
                    topic.choice("format", FORMATS, "json"), configs));
        }
        return topics;
    }

    private static List<DynamoTableSpec> tables(Params dynamodb) {
        List<DynamoTableSpec> tables = new ArrayList<>();
        for (Params table : dynamodb.has("tables") ? dynamodb.list("tables") : List.<Params>of()) {
            table.allowOnly("name", "hash-key", "hash-key-type", "range-key", "range-key-type", "stream");
            String rangeKey = table.string("range-key", null);
            String rangeKeyType = rangeKey == null ? null : table.choice("range-key-type", KEY_TYPES, "S");
            String stream = table.has("stream") ? table.choice("stream", STREAM_VIEWS, null) : null;
            tables.add(new DynamoTableSpec(table.string("name"), table.string("hash-key"),
                    table.choice("hash-key-type", KEY_TYPES, "S"), rangeKey, rangeKeyType, stream));
        }
        return tables;
    }

    private static List<PipelineFile> files(Path folder, LocatedDocument document, Params section, String key) {
        if (!section.has(key)) {
            return List.of();
        }
        List<String> names = section.strings(key);
        List<PipelineFile> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Path file = folder.resolve(names.get(i)).normalize();
            if (!Files.isRegularFile(file)) {
                String pointer = section.isList(key) ? "/" + i : "";
                Location where = section.location(key);
                Location element = document.locate(pointerOf(section, key) + pointer);
                throw new ScenarioDefinitionException(element.line() > 0 ? element : where,
                        section.field(key) + (pointer.isEmpty() ? "" : "[" + i + "]"),
                        "file '" + names.get(i) + "' not found in " + DisplayPaths.of(folder));
            }
            files.add(new PipelineFile(file, DisplayPaths.of(file), read(file)));
        }
        return files;
    }

    /** The JSON pointer of {@code key} in {@code section}, rebuilt from the dotted field (sections here are never in lists). */
    private static String pointerOf(Params section, String key) {
        String field = section.field(key);
        return "/" + field.replace(".", "/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
