package dev.pipelineharness.cloud.flink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.cloud.config.SecretMasker;
import dev.pipelineharness.cloud.http.ApiCredentials;
import dev.pipelineharness.cloud.http.CallLog;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

@WireMockTest
class FlinkStatementsClientTest {

    private static final String BASE = "/sql/v1/organizations/org-1/environments/env-1/statements";

    private FlinkStatementsClient client(WireMockRuntimeInfo wm) {
        CloudHttp http = new CloudHttp(CloudHttp.defaultClient(), Duration.ofSeconds(5), false, new CallLog(),
                new SecretMasker(), duration -> { });
        return new FlinkStatementsClient(http, new CloudWait(Duration.ofMillis(10)), new FlinkSettings(
                URI.create(wm.getHttpBaseUrl()), "org-1", "env-1", "lfcp-1", "env", "cluster",
                new ApiCredentials("Flink SQL", "pipeline-harness.cloud.flink.api-key",
                        "pipeline-harness.cloud.flink.api-secret", Secret.of("K"), Secret.of("S"))));
    }

    @Test
    void pendingThenRunning(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).inScenario("p").whenScenarioStateIs(STARTED)
                .willSetStateTo("2").willReturn(okJson(statement("PENDING", ""))));
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).inScenario("p").whenScenarioStateIs("2")
                .willReturn(okJson(statement("RUNNING", ""))));

        assertThat(client(wm).awaitPhase("s1", Set.of("RUNNING"), "flink/a.sql:3", Duration.ofSeconds(5)).phase())
                .isEqualTo("RUNNING");
    }

    @Test
    void aFailedStatementsDetailIsTheErrorAtItsFileAndLine(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).willReturn(okJson(statement("FAILED",
                "SQL validation failed. Error while applying rule. Table 'raw' not found"))));

        assertThatThrownBy(() -> client(wm).awaitPhase("s1", Set.of("RUNNING"), "cloud/flink/routing.sql:4",
                Duration.ofSeconds(5)))
                .isInstanceOf(StatementFailedException.class)
                .hasMessage("cloud/flink/routing.sql:4: Flink statement s1 is FAILED: SQL validation failed. "
                        + "Error while applying rule. Table 'raw' not found");
    }

    @Test
    void aStatementThatNeverRunsTimesOutSayingWhatItWaitedForAndTheLastPhase(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).willReturn(okJson(statement("PENDING",
                "Waiting for compute pool"))));

        assertThatThrownBy(() -> client(wm).awaitPhase("s1", Set.of("RUNNING"), "a.sql:1", Duration.ofMillis(300)))
                .hasMessageContaining("waiting for Flink statement s1 (a.sql:1) to reach RUNNING")
                .hasMessageContaining("last seen: PENDING (Waiting for compute pool)");
    }

    @Test
    void stoppingRereadsAndRetriesOnAStaleResourceVersion(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).willReturn(okJson(statement("RUNNING", ""))));
        wm.getWireMock().register(put(urlEqualTo(BASE + "/s1")).inScenario("stale").whenScenarioStateIs(STARTED)
                .willSetStateTo("fresh").willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"status\":\"409\",\"detail\":\"resource_version is stale\"}]}")));
        wm.getWireMock().register(put(urlEqualTo(BASE + "/s1")).inScenario("stale").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withStatus(202)));

        client(wm).setStopped("s1", true);

        wm.getWireMock().verifyThat(2, putRequestedFor(urlEqualTo(BASE + "/s1"))
                .withRequestBody(matchingJsonPath("$.spec.stopped", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.metadata.resource_version", equalTo("a1"))));
    }

    @Test
    void aConflictThatNeverClearsIsReported(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo(BASE + "/s1")).willReturn(okJson(statement("RUNNING", ""))));
        wm.getWireMock().register(put(urlEqualTo(BASE + "/s1")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"status\":\"409\",\"detail\":\"resource_version is stale\"}]}")));

        assertThatThrownBy(() -> client(wm).setStopped("s1", true)).hasMessageContaining("409: resource_version is stale");
        wm.getWireMock().verifyThat(5, putRequestedFor(urlEqualTo(BASE + "/s1")));
    }

    static String statement(String phase, String detail) {
        return "{\"name\":\"s1\",\"metadata\":{\"created_at\":\"2026-12-01T08:00:00Z\",\"resource_version\":\"a1\"},"
                + "\"spec\":{\"statement\":\"INSERT INTO a SELECT * FROM b\",\"compute_pool_id\":\"lfcp-1\",\"stopped\":false},"
                + "\"status\":{\"phase\":\"" + phase + "\",\"detail\":\"" + detail + "\"}}";
    }
}
