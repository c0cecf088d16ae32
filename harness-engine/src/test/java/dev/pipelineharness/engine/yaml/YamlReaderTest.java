package dev.pipelineharness.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader(new EnvironmentSubstitution(Map.of("SEED", "7", "NAME", "east")::get));

    @Test
    void keepsTheLineAndColumnOfEveryNode() {
        LocatedDocument document = reader.read("a.yaml", "scenario: x\nexpect:\n  - routed: {within: 5s}\n");

        assertThat(document.locate("/expect/0")).isEqualTo(new Location("a.yaml", 3, 5));
        assertThat(document.locate("/expect/0/routed/within")).isEqualTo(new Location("a.yaml", 3, 14));
        assertThat(document.locate("/expect/0/routed/within/missing")).isEqualTo(new Location("a.yaml", 3, 14));
    }

    @Test
    void substitutesEnvironmentVariablesAndKeepsTheirType() {
        LocatedDocument document = reader.read("a.yaml",
                "seed: ${SEED}\nregion: ${NAME:-west}\nother: ${UNSET:-west}\nquoted: \"${SEED}\"\nliteral: $${SEED}\nmixed: ${NAME}-${SEED:-1}\n");

        assertThat(document.root().get("seed").isIntegralNumber()).isTrue();
        assertThat(document.root().get("seed").asLong()).isEqualTo(7);
        assertThat(document.root().get("region").asText()).isEqualTo("east");
        assertThat(document.root().get("other").asText()).isEqualTo("west");
        assertThat(document.root().get("quoted").isTextual()).isTrue();
        assertThat(document.root().get("literal").asText()).isEqualTo("${SEED}");
        assertThat(document.root().get("mixed").asText()).isEqualTo("east-7");
    }

    @Test
    void anUnclosedPlaceholderIsAnError() {
        assertThatThrownBy(() -> reader.read("a.yaml", "x:\n  y: ${NAME\n"))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessage("a.yaml:2:6: x.y: bad placeholder '${NAME': write ${NAME} or ${NAME:-default}, NAME made of letters, digits and underscores");
    }

    @Test
    void duplicateKeysInNestedMappingsAreRejected() {
        assertThatThrownBy(() -> reader.read("a.yaml", "generate:\n  - counter: {count: 1, count: 2}\n"))
                .hasMessage("a.yaml:2:25: generate[0].counter.count: duplicate key 'count' (first written at line 2)");
    }
}
