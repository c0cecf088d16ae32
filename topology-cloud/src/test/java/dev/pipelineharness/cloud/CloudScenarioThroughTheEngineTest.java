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
    /** The shipped region failover drill, as written for every topology. */
    private static final Path DRILL = Path.of("../scenarios/faults/east-outage-drill.scenario.yaml").toAbsolutePath().normalize();

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

    /**
     * The best this machine can do with the shipped drill: through the engine, in plan mode, against the
     * stubs. A live run needs Kafka brokers behind the bootstrap servers (the generator writes over the
     * Kafka protocol, the check reads the DR copy) and the link really mirroring: no stub answers that.
     */
    @Test
    void theShippedDrillIsPlannedOnTheCloudWithEveryCallOfItsRunbookAndChangesNothing(WireMockRuntimeInfo wm,
                                                                                       @TempDir Path work) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        CloudStubs.drRegion(wm.getWireMock());
        ScenarioKit kit = ScenarioKit.on("cloud");
        CloudStubs.twoRegions(wm.getHttpBaseUrl()).forEach(kit::configuration);
        Path plan = work.resolve("plan.txt");
        kit.configuration(CloudKeys.PLAN, "true").configuration(CloudKeys.PLAN_FILE, plan.toString())
                .configuration(CloudKeys.POSTGRES_HOST, "aurora.example.internal")
                .configuration(CloudKeys.POSTGRES_DATABASE, "app").configuration(CloudKeys.POSTGRES_USER, "harness")
                .configuration(CloudKeys.POSTGRES_PASSWORD, "pg-canary-77b2");

        var results = kit.runFile(DRILL);

        results.allEvents().failed().stream().forEach(failed -> System.err.println(failed));
        results.allEvents().assertStatistics(stats -> stats.failed(0));
        // not skipped for an unsupported fault: region-outage is offered, planned, and stopped by the plan
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(),
                abortedWithReason(message(m -> m.startsWith("plan mode: ") && m.contains(" calls written to " + plan)))));
        String written = Files.readString(plan);
        assertThat(written).contains("region-outage east -> west")
                .contains("PLANNED POST " + wm.getHttpBaseUrl() + CloudStubs.WEST_LINK + "/mirrors:failover")
                .contains("\"sql.current-database\":\"west-cluster\"")
                .doesNotContain(CloudStubs.CANARY).doesNotContain(CloudStubs.WEST_CANARY).doesNotContain("pg-canary-77b2");
        for (var changing : List.of(postRequestedFor(anyUrl()), putRequestedFor(anyUrl()), deleteRequestedFor(anyUrl()))) {
            wm.getWireMock().verifyThat(0, changing);
        }
    }

    /**
     * Against a real environment the shipped drill runs with {@code ./harness run} (every provider on its
     * class path; docs/failover-drills.md): here, without credentials, the engine skips it saying what
     * to set, never passes it.
     */
    @Test
    void withoutCredentialsTheShippedDrillIsSkippedSayingWhatToSet() {
        var results = ScenarioKit.on("cloud").runFile(DRILL);

        results.allEvents().assertStatistics(stats -> stats.skipped(1).failed(0));
        results.allEvents().assertThatEvents().haveExactly(1, event(skippedWithReason(reason ->
                reason.contains("topology 'cloud' is not available: missing settings: pipeline-harness.cloud.environment-id"))));
    }
}
