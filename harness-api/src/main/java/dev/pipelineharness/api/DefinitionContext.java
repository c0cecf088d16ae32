package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a provider may consult while it validates one scenario entry, before anything starts: the
 * pipeline the scenario deploys (so a setting naming a topic or table can be checked against what
 * the pipeline declares) and the folder of the scenario file (against which a setting naming a file,
 * such as {@code file: golden/rows.jsonl}, is resolved).
 *
 * @param pipeline  the pipeline the scenario deploys; empty when the entry is made outside a scenario
 *                  (a unit test), then names are not checked against it
 * @param directory the folder of the scenario file
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record DefinitionContext(Optional<PipelineDefinition> pipeline, Path directory) {

    /** A connector file's {@code "name": "..."}, its {@code ${namespace}} apart; the api reads no JSON, a pattern does. */
    private static final Pattern CONNECTOR_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(?:\\$\\{namespace})?([^\"]+)\"");

    /** Outside a scenario: no pipeline to check names against, files relative to the working directory. */
    public static DefinitionContext detached() {
        return new DefinitionContext(Optional.empty(), Path.of(""));
    }

    public static DefinitionContext of(PipelineDefinition pipeline, Path directory) {
        return new DefinitionContext(Optional.of(pipeline), directory);
    }

    /** A path as the scenario wrote it, resolved against the scenario's folder. */
    public Path resolve(String written) {
        return directory.resolve(written).normalize();
    }

    /** The logical topic names the pipeline declares (empty when detached). */
    public List<String> topics() {
        return pipeline.map(p -> p.topics().stream().map(TopicSpec::name).toList()).orElse(List.of());
    }

    /**
     * The logical names of the pipeline's connectors (empty when detached): each connector file's
     * {@code "name"} without {@code ${namespace}}, as faults name them ({@code connect.postgres_cdc}).
     * The first {@code "name"} of a file is its connector's: Connect's files put it before
     * {@code "config"}, and a {@code "name"} inside {@code "config"} must equal it anyway.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public List<String> connectorNames() {
        return pipeline.map(p -> p.connectors().stream().map(file -> CONNECTOR_NAME.matcher(file.text()))
                .filter(Matcher::find).map(matcher -> matcher.group(1)).toList()).orElse(List.of());
    }
}
