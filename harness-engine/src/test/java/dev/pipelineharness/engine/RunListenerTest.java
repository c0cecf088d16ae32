package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.pipelineharness.engine.events.CheckResult;
import dev.pipelineharness.engine.events.RecordingRunListener;
import dev.pipelineharness.engine.events.ScenarioResult;
import dev.pipelineharness.engine.fakes.FakeEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What the engine tells its run listeners: phases, timeline, verdicts with diffs, in order. */
class RunListenerTest {

    private static RecordingRunListener run(String resource, Map<String, String> configuration) {
        FakeEvents.reset();
        RecordingRunListener listener = new RecordingRunListener();
        EngineTestKit.Builder builder = EngineTestKit.engine(new PipelineHarnessTestEngine(List.of(listener)))
                .configurationParameter(Constants.TOPOLOGY_PROPERTY_NAME, "fake")
                .configurationParameter(Constants.CHECK_POLL_INTERVAL_PROPERTY_NAME, "20ms")
                .configurationParameter(Constants.CHECK_CONFIRM_PROPERTY_NAME, "100ms")
                .configurationParameter(Constants.REPORTS_DIR_PROPERTY_NAME, "target/harness-test");
        configuration.forEach(builder::configurationParameter);
        builder.selectors(selectClasspathResource(HarnessKit.BASE + resource)).execute();
        return listener;
    }

    @Test
    void faultScenarioReportsPhasesAndItsTimelineInOrder() {
        RecordingRunListener listener = run("behaviour/faults.scenario.yaml", Map.of());

        assertThat(listener.lines).containsSubsequence(
                "run started 1 override OptionalLong.empty",
                "scenario Pause during generation seed 42",
                "phase TOPOLOGY", "phase DEPLOY", "phase TIMELINE",
                "GENERATOR_STARTED generate[0].counter: counter: 2",
                "FAULT_INJECTED pause: pause east",
                "FAULT_HEALED pause: pause east", "GENERATOR_FINISHED generate[0].counter: counter: 2",
                "phase CHECKS", "check fake-check: min 2 passed", "phase UNDEPLOY",
                "FAULT_HEALED pause: pause west",
                "finished Pause during generation PASSED", "run finished interrupted=false");
        assertThat(listener.results.get(0).phases()).containsKeys(
                dev.pipelineharness.engine.events.Phase.DEPLOY, dev.pipelineharness.engine.events.Phase.CHECKS);
    }

    @Test
    void failedCheckCarriesItsDiffApartFromItsSummary() {
        RecordingRunListener listener = run("behaviour/failing-check.scenario.yaml", Map.of());

        CheckResult failed = listener.checks.stream().filter(check -> !check.passed()).findFirst().orElseThrow();
        assertThat(failed.summary()).isEqualTo("expected at least 100 records, got 1");
        assertThat(failed.details()).isEqualTo("missing: 99");
        assertThat(failed.message()).contains("not satisfied within 200ms");
        assertThat(failed.location()).contains("failing-check.scenario.yaml:5");
        assertThat(listener.results).extracting(ScenarioResult::status).containsExactly(ScenarioResult.Status.FAILED);
    }

    @Test
    void seedOverrideReplacesTheScenarioFilesSeed() {
        RecordingRunListener listener = run("scenarios/smoke.scenario.yaml",
                Map.of(Constants.SEED_OVERRIDE_PROPERTY_NAME, "1234"));

        assertThat(listener.lines).contains("scenario Smoke seed 1234");
        assertThat(FakeEvents.all()).filteredOn(e -> e.startsWith("generate 6 seed "))
                .containsExactly("generate 6 seed " + splitMix64(1234 + 0x9E3779B97F4A7C15L));
    }

    @Test
    void malformedFileIsReportedInvalidAndUnavailableTopologySkipped() {
        assertThat(run("malformed/unknown-key.scenario.yaml", Map.of()).results)
                .extracting(ScenarioResult::status).containsExactly(ScenarioResult.Status.INVALID);
        assertThat(run("behaviour/unavailable.scenario.yaml", Map.of()).results)
                .extracting(ScenarioResult::status).containsExactly(ScenarioResult.Status.SKIPPED);
    }

    @Test
    void aScenarioItsDeploymentSkipsIsRecordedSkippedWithTheReason() {
        assertThat(run("behaviour/plan-only.scenario.yaml", Map.of()).results)
                .extracting(ScenarioResult::status, ScenarioResult::detail)
                .containsExactly(tuple(ScenarioResult.Status.SKIPPED,
                        "plan mode: 3 calls written to target/plan.txt"));
    }

    private static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
