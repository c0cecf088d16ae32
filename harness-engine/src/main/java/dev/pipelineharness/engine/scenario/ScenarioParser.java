package dev.pipelineharness.engine.scenario;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.yaml.LocatedDocument;
import dev.pipelineharness.engine.yaml.YamlReader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.TopologyProvider;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.support.Suggestions;
import dev.pipelineharness.engine.yaml.DisplayPaths;
import dev.pipelineharness.engine.pipeline.PipelineLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;

/**
 * Reads one scenario file into a {@link ScenarioDefinition}: YAML with locations, {@code ${ENV}}
 * substitution, the JSON Schema, then each section, where every generator, fault and check is made
 * (and so validated) by its provider. Anything wrong is a {@link ScenarioDefinitionException}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioParser {

    private static final List<String> FAULT_TIMING = List.of("at", "for");

    private final YamlReader reader;
    private final ScenarioSchema schema = new ScenarioSchema();
    private final ProviderRegistry providers;
    private final PipelineLoader pipelines;
    private final String defaultTopology;

    public ScenarioParser(ProviderRegistry providers, EnvironmentSubstitution substitution, String defaultTopology) {
        this.reader = new YamlReader(substitution);
        this.providers = providers;
        this.pipelines = new PipelineLoader(substitution);
        this.defaultTopology = defaultTopology;
    }

    public ScenarioDefinition parse(ScenarioSource source) {
        LocatedDocument document = reader.read(source.displayName(), source.text());
        JsonNode root = document.root();
        if (root.isMissingNode() || root.isNull()) {
            throw new ScenarioDefinitionException(Location.ofFile(source.displayName()), "",
                    "the file is empty; a scenario needs at least 'scenario:' (its name) and 'expect:' (its checks)");
        }
        if (!root.isObject()) {
            throw new ScenarioDefinitionException(document.locate(""), "",
                    "a scenario must be a mapping of sections (scenario, expect, ...), was " + (root.isArray() ? "a list" : "'" + root.asText() + "'"));
        }
        schema.validate(document);
        Params params = document.params(root, "", "");
        String name = params.string("scenario");
        String topology = params.string("topology", defaultTopology);
        TopologyProvider topologyProvider = providers.topology(topology,
                params.has("topology") ? params.location("topology") : params.location("scenario"),
                params.has("topology") ? "topology" : "pipeline-harness.topology");
        Optional<Duration> timeout = params.has("timeout") ? Optional.of(positive(params, "timeout")) : Optional.empty();
        PipelineDefinition pipeline = pipeline(params, source, name);
        topologyProvider.validate(pipeline);
        DefinitionContext definition = DefinitionContext.of(pipeline, source.directory().orElse(Path.of("")));
        return new ScenarioDefinition(name, params.string("description", ""), tags(params), params.location("scenario"),
                pipeline, topology,
                params.has("seed") ? OptionalLong.of(params.longValue("seed")) : OptionalLong.empty(),
                timeout, generators(document, params, definition), faults(document, params, definition),
                checks(document, params, definition));
    }

    private static List<String> tags(Params params) {
        List<String> tags = params.strings("tags", List.of());
        for (int i = 0; i < tags.size(); i++) {
            if (!TestTag.isValid(tags.get(i))) {
                throw new ScenarioDefinitionException(params.location("tags"), "tags[" + i + "]",
                        "'" + tags.get(i) + "' is not a valid tag: no blanks, commas, parentheses, &, | or !");
            }
        }
        return tags;
    }

    private PipelineDefinition pipeline(Params params, ScenarioSource source, String name) {
        if (!params.has("pipeline")) {
            return new PipelineDefinition(dev.pipelineharness.api.Namespace.sanitize(name), source.directory().orElse(Path.of("")),
                    List.of(), List.of(), List.of(), List.of(), List.of());
        }
        String written = params.string("pipeline");
        if (source.directory().isEmpty()) {
            throw params.error("pipeline", "a pipeline folder can only be used by a scenario read from a file or directory");
        }
        Path folder = source.directory().get().resolve(written).normalize();
        if (!Files.isDirectory(folder)) {
            throw params.error("pipeline", "pipeline folder '" + written + "' not found (looked for "
                    + DisplayPaths.of(folder) + ")" + Suggestions.didYouMean(written, siblings(written, folder)));
        }
        return pipelines.load(folder);
    }

    /** The folders next to the one a user wrote, written the way the user wrote the path. */
    private static List<String> siblings(String written, Path folder) {
        String prefix = written.contains("/") ? written.substring(0, written.lastIndexOf('/') + 1) : "";
        Path parent = folder.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).map(path -> prefix + path.getFileName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<GeneratorStep> generators(LocatedDocument document, Params params, DefinitionContext definition) {
        List<GeneratorStep> steps = new ArrayList<>();
        List<Entry> entries = entries(document, params, "generate");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Generator generator = providers.generator(entry.name, entry.location, entry.field)
                    .create(entry.settings, definition);
            steps.add(new GeneratorStep(entry.name, i, entry.location, generator));
        }
        return steps;
    }

    private List<FaultStep> faults(LocatedDocument document, Params params, DefinitionContext definition) {
        List<FaultStep> steps = new ArrayList<>();
        if (!params.has("faults")) {
            return steps;
        }
        List<Params> entries = params.list("faults");
        for (int i = 0; i < entries.size(); i++) {
            Params timing = entries.get(i);
            List<String> kinds = new ArrayList<>();
            for (String key : timing.keys()) {
                if (!FAULT_TIMING.contains(key)) {
                    kinds.add(key);
                }
            }
            if (kinds.size() != 1) {
                throw timing.error("", "a fault entry needs 'at', optionally 'for', and exactly one fault, found "
                        + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
            }
            String name = kinds.get(0);
            String pointer = "/faults/" + i + "/" + escape(name);
            Location location = document.locate(pointer);
            Params settings = timing.child(name);
            var fault = providers.fault(name, location, timing.field(name)).create(settings, definition);
            Optional<Duration> duration = timing.has("for") ? Optional.of(positive(timing, "for")) : Optional.empty();
            steps.add(new FaultStep(name, location, timing.duration("at"), duration, fault));
        }
        return steps;
    }

    private List<CheckStep> checks(LocatedDocument document, Params params, DefinitionContext definition) {
        List<CheckStep> steps = new ArrayList<>();
        List<Entry> entries = entries(document, params, "expect");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            List<Check> checks = providers.check(entry.name, entry.location, entry.field).create(entry.settings, definition);
            if (checks.isEmpty()) {
                throw new ScenarioDefinitionException(entry.location, entry.field, "this check produced no test");
            }
            for (Check check : checks) {
                steps.add(new CheckStep(entry.name, i, steps.size(), entry.location, check));
            }
        }
        return steps;
    }

    /** One {@code - name: {settings}} (or bare {@code - name}) entry of a list section. */
    private record Entry(String name, Location location, String field, Params settings) {
    }

    private static List<Entry> entries(LocatedDocument document, Params params, String section) {
        List<Entry> entries = new ArrayList<>();
        if (!params.has(section)) {
            return entries;
        }
        JsonNode list = document.root().get(section);
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String pointer = "/" + section + "/" + i;
            if (element.isTextual()) {
                String name = element.asText();
                entries.add(new Entry(name, document.locate(pointer), section + "[" + i + "]",
                        Params.empty(pointer, section + "[" + i + "]." + name, document)));
                continue;
            }
            String name = element.fieldNames().next();
            String bodyPointer = pointer + "/" + escape(name);
            String field = section + "[" + i + "]." + name;
            JsonNode body = element.get(name);
            Params settings = body == null || body.isNull()
                    ? Params.empty(bodyPointer, field, document)
                    : document.params(body, bodyPointer, field);
            entries.add(new Entry(name, document.locate(bodyPointer), section + "[" + i + "]", settings));
        }
        return entries;
    }

    private static Duration positive(Params params, String key) {
        Duration duration = params.duration(key);
        if (duration.isZero() && !"at".equals(key)) {
            throw params.error(key, "must be longer than 0");
        }
        return duration;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
