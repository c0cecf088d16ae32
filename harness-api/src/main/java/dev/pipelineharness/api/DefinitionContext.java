package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
}
