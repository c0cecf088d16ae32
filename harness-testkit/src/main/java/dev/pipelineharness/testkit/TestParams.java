package dev.pipelineharness.testkit;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.yaml.LocatedDocument;
import dev.pipelineharness.engine.yaml.YamlReader;
import java.util.Map;

/**
 * {@link Params} exactly as a scenario entry hands them to a provider, read from a YAML (or JSON)
 * snippet by the engine's own reader: the same types, the same file:line:column locations, the
 * same field paths in messages. {@code ${NAME}} environment placeholders are not filled.
 */
public final class TestParams {

    /** The file name errors name: {@code test.scenario.yaml:1:12: generate[0].business-events.count: ...}. */
    public static final String FILE = "test.scenario.yaml";

    private TestParams() {
    }

    /**
     * @param field   the field path the settings stand at, such as {@code generate[0].business-events}
     * @param snippet the settings, such as {@code {count: 10, rate: 100/s}}
     */
    public static Params of(String field, String snippet) {
        YamlReader reader = new YamlReader(new EnvironmentSubstitution(Map.<String, String>of()::get));
        LocatedDocument document = reader.read(FILE, snippet);
        return document.params(document.root(), "", field);
    }
}
