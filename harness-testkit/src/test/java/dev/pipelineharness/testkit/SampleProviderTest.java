package dev.pipelineharness.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.testkit.sample.SampleCounter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a provider author outside this repository tests a generator and a check written against
 * harness-api alone (package {@code sample}): built from YAML snippets, bad settings asserted to the
 * letter, and a whole scenario run through the engine on a stub topology.
 */
class SampleProviderTest {

    @Test
    void aGeneratorAndACheckBuiltFromSnippetsWorkTogether() throws Exception {
        StubDeployment deployment = new StubDeployment("r1_test", null);
        Generator generator = Providers.generator("count-up", "{by: 4}");
        generator.generate(deployment.generation(7));
        List<Check> checks = Providers.check("counter-at-least", "{min: 4}");

        assertThat(checks).singleElement().satisfies(check ->
                assertThat(check.evaluate(deployment.checking()).passed()).isTrue());
        assertThat(deployment.store().get(SampleCounter.class).orElseThrow().value).hasValue(4);
        assertThat(deployment.published).containsEntry("counted", "4");
    }

    @Test
    void badSettingsGetAnErrorNamingFileLineAndField() {
        ScenarioDefinitionException error = Providers.definitionError(
                () -> Providers.check("counter-at-least", "{min: 3,\n mni: 4}"));

        assertThat(error).hasMessage("test.scenario.yaml:2:2: expect[0].counter-at-least.mni: unknown key 'mni'"
                + " (did you mean 'min'?); allowed: min, within");
        assertThat(error.location().line()).isEqualTo(2);
        assertThat(error.field()).isEqualTo("expect[0].counter-at-least.mni");
    }

    @Test
    void aWholeScenarioRunsThroughTheEngine() {
        var results = ScenarioKit.on("stub").configuration("pipeline-harness.reports.dir", "target/testkit-run")
                .runFile(Path.of("src/test/resources/sample/counts.scenario.yaml"));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(displayName("counter-at-least: 5"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("counter-at-least: 6"),
                        finishedWithFailure(message(text -> text.contains("counter at 5, expected at least 6")))));
    }
}
