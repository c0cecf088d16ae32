package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.testkit.TestParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisteredSchemasCheckTest {

    @Test
    void passesOnTheExpectedVersionsAndLevel() {
        assertThat(RegisteredSchemasCheckProvider.compare("raw-value", 2, List.of(1, 2), "BACKWARD", "BACKWARD").passed()).isTrue();
        assertThat(RegisteredSchemasCheckProvider.compare("raw-value", 1, List.of(1), null, null).passed()).isTrue();
    }

    @Test
    void aSchemaChangeThatNeverReachedTheRegistryIsRed() {
        Verdict verdict = RegisteredSchemasCheckProvider.compare("raw-value", 2, List.of(1), "BACKWARD", "NONE");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).contains("expected 2 schema version(s), the registry has 1: [1]")
                .contains("expected compatibility BACKWARD, the registry applies NONE");
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> new RegisteredSchemasCheckProvider().create(
                TestParams.of("expect[0].registered-schemas", "{\"topic\": \"t\", \"compatibility\": \"backwards\"}")))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[0].registered-schemas.compatibility")
                .hasMessageContaining("'backwards' is not one of NONE, BACKWARD");
        assertThatThrownBy(() -> new RegisteredSchemasCheckProvider().create(
                TestParams.of("expect[0].registered-schemas", "{\"topic\": \"t\", \"versions\": 0}")))
                .hasMessageContaining("must be at least 1");
    }
}
