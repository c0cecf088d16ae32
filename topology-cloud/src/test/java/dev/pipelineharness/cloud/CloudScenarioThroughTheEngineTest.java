package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.testkit.ScenarioKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud topology as a new user meets it: through the engine, from a scenario file. */
@WireMockTest
class CloudScenarioThroughTheEngineTest {

    private static final Path SCENARIO = Path.of("src/test/resources/scenarios/routing-on-cloud.scenario.yaml");

    @Test
    void withoutCredentialsTheScenarioIsSkippedSayingWhatToSet() {
        var results = ScenarioKit.on("cloud").runFile(SCENARIO);

        results.allEvents().assertStatistics(stats -> stats.skipped(1).failed(0));
        results.allEvents().assertThatEvents().haveExactly(1, event(skippedWithReason(reason ->
                reason.contains("topology 'cloud' is not available: missing settings: pipeline-harness.cloud.environment-id")
                        && reason.contains("PIPELINE_HARNESS_CLOUD_KAFKA_EAST_API_KEY"))));
    }

    @Test
    void withSettingsPointingAtTheStubsTheScenarioDeploysAndRemovesItsPipeline(WireMockRuntimeInfo wm) {
        CloudStubs.environment(wm.getWireMock());
        ScenarioKit kit = ScenarioKit.on("cloud");
        CloudStubs.settings(wm.getHttpBaseUrl()).forEach(kit::configuration);

        var results = kit.runFile(SCENARIO);

        results.allEvents().failed().stream().forEach(failed -> System.err.println(failed));
        results.testEvents().assertStatistics(stats -> stats.failed(0));
        wm.getWireMock().verifyThat(2, postRequestedFor(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")));
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS)));
        wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph.*")));
        wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/ph.*")));
        wm.getWireMock().verifyThat(2, deleteRequestedFor(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/ph.*")));
        assertThat(results.testEvents().succeeded().count()).isPositive();
    }

    @Test
    void inPlanModeTheScenarioIsReportedSkippedWithWhereThePlanIsAndNothingChanges(WireMockRuntimeInfo wm,
                                                                                  @TempDir Path work) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        ScenarioKit kit = ScenarioKit.on("cloud");
        CloudStubs.settings(wm.getHttpBaseUrl()).forEach(kit::configuration);
        Path plan = work.resolve("plan.txt");
        kit.configuration(CloudKeys.PLAN, "true").configuration(CloudKeys.PLAN_FILE, plan.toString());

        var results = kit.runFile(SCENARIO);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(),
                abortedWithReason(message(m -> m.startsWith("plan mode: ") && m.contains(" calls written to " + plan)))));
        results.testEvents().assertStatistics(stats -> stats.started(0).skipped(results.testEvents().count()));
        assertThat(Files.readString(plan)).contains("PLANNED POST ").doesNotContain(CloudStubs.CANARY);
        for (var changing : List.of(postRequestedFor(anyUrl()), putRequestedFor(anyUrl()), deleteRequestedFor(anyUrl()))) {
            wm.getWireMock().verifyThat(0, changing);
        }
    }
}
