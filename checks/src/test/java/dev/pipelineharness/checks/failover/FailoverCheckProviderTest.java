package dev.pipelineharness.checks.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.StubDeployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverCheckProviderTest {

    @Test
    void settingsNameTheirBounds() {
        List<Check> checks = Providers.check("failover",
                "{rpo: {max-events: 100}, rto: {max: 30s}, duplicates: {max: 1%}, within: 90s}");
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.describe()).isEqualTo("failover: RPO <= 100 events, RTO <= 30.0 s, redeliveries <= 1.00%");
            assertThat(check.within()).hasSeconds(90);
        });
    }

    @Test
    void aBadPercentageIsAnErrorWhereItIsWritten() {
        ScenarioDefinitionException error = Providers.definitionError(
                () -> Providers.check("failover", "{duplicates: {max: lots}}"));
        assertThat(error).hasMessageContaining("test.scenario.yaml:1:")
                .hasMessageContaining("must be a percentage such as 1% or a fraction such as 0.01, was 'lots'");
        assertThat(Providers.definitionError(() -> Providers.check("failover", "{rpo: {max-events: -1}}")))
                .hasMessageContaining("must not be negative");
        assertThat(Providers.definitionError(() -> Providers.check("failover", "{rto: {maximum: 3s}}")))
                .hasMessageContaining("maximum");
    }

    @Test
    void withoutAFailoverThereIsNothingToJudge() throws Exception {
        Check check = Providers.check("failover", "{}").get(0);
        Verdict verdict = check.evaluate(new StubDeployment("s", null).checking());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).contains("has not completed its runbook");
    }
}
