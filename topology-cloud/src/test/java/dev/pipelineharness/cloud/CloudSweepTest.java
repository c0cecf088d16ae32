package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.pipelineharness.cloud.sweep.CloudSweep;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep removes only harness-named resources of runs older than the limit; everything else is left alone. */
@WireMockTest
class CloudSweepTest {

    private static final String ORG = "org-1";
    private static final String STATEMENTS = "/sql/v1/organizations/" + ORG + "/environments/env-1/statements";
    private static final String CONNECTORS = "/connect/v1/environments/env-1/clusters/lkc-east/connectors";
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    private static final String OLD = "ph202612010800";
    private static final String RECENT = "ph202612011900";
    /** For what runs against the real clock: a run of a year before anything here was written. */
    private static final String LONG_AGO = "ph202501010800";

    @Test
    void removesOldHarnessResourcesOnlyAndNeverAnythingWithoutThePrefix(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(get(urlEqualTo(STATEMENTS + "?page_size=100")).willReturn(okJson("{\"data\":["
                + statement(OLD + "-r1-smoke-1-routing") + "," + statement(RECENT + "-r2-smoke-1-routing") + ","
                + statement("prod-routing") + "," + statement("phx-thing") + "],\"metadata\":{\"next\":\"\"}}")));
        stub.register(delete(urlPathMatching(STATEMENTS + "/.*")).willReturn(aResponse().withStatus(202)));
        stub.register(get(urlPathMatching(STATEMENTS + "/.+")).willReturn(aResponse().withStatus(404)));
        stub.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson(
                "[\"" + OLD + "_r1_smoke_postgres_cdc\",\"orders_cdc\"]")));
        stub.register(delete(urlPathMatching(CONNECTORS + "/.*")).willReturn(aResponse().withStatus(200)));
        stub.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":["
                + "{\"topic_name\":\"" + OLD + "_r1_smoke_raw_business_events\"},{\"topic_name\":\"raw_business_events\"},"
                + "{\"topic_name\":\"" + RECENT + "_r2_smoke_raw_business_events\"}]}")));
        stub.register(delete(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.*")).willReturn(aResponse().withStatus(204)));
        stub.register(get(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.+")).willReturn(aResponse().withStatus(404)));
        stub.register(get(urlPathEqualTo("/subjects")).willReturn(okJson(
                "[\"" + OLD + "_r1_smoke_raw_business_events-value\",\"raw_business_events-value\"]")));
        stub.register(delete(urlPathMatching("/subjects/.*")).willReturn(okJson("[1]")));

        CloudSweep.Result result = new SweepClients(CloudConfig.from(settings(wm), name -> null)).sweep()
                .sweep(Duration.ofHours(6), NOW);

        assertThat(result.failed()).isEmpty();
        assertThat(result.removed()).containsExactly(
                "Flink statement " + OLD + "-r1-smoke-1-routing",
                "connector " + OLD + "_r1_smoke_postgres_cdc",
                "topic on lkc-east " + OLD + "_r1_smoke_raw_business_events",
                "subject " + OLD + "_r1_smoke_raw_business_events-value");
        stub.verifyThat(5, deleteRequestedFor(anyUrl())); // the subject: soft, then permanent
        stub.verifyThat(0, deleteRequestedFor(urlPathMatching(".*(prod-routing|phx-thing|orders_cdc|/raw_business_events).*")));
        stub.verifyThat(0, deleteRequestedFor(urlPathMatching(".*" + RECENT + ".*")));
    }

    @Test
    void dynamoDbTablesOfOldRunsGoAndOthersStay(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(get(urlEqualTo(STATEMENTS + "?page_size=100")).willReturn(okJson("{\"data\":[],\"metadata\":{}}")));
        stub.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson("[]")));
        stub.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":[]}")));
        stub.register(get(urlPathEqualTo("/subjects")).willReturn(okJson("[]")));
        String target = "X-Amz-Target";
        stub.register(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .withHeader(target, com.github.tomakehurst.wiremock.client.WireMock.equalTo("DynamoDB_20120810.ListTables"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"TableNames\":[\"" + OLD + "_r1_smoke_interactions\",\"dev-user-personalization\","
                                + "\"" + RECENT + "_r2_smoke_interactions\"]}")));
        stub.register(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .withHeader(target, com.github.tomakehurst.wiremock.client.WireMock.equalTo("DynamoDB_20120810.DeleteTable"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"TableDescription\":{\"TableStatus\":\"DELETING\"}}")));
        stub.register(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .withHeader(target, com.github.tomakehurst.wiremock.client.WireMock.equalTo("DynamoDB_20120810.DescribeTable"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                                + "\"message\":\"Requested resource not found\"}")));
        Map<String, String> settings = settings(wm);
        settings.put(CloudKeys.AWS_REGION, "us-east-1");
        settings.put(CloudKeys.AWS_ACCESS_KEY_ID, "AKID");
        settings.put(CloudKeys.AWS_SECRET_ACCESS_KEY, "aws-secret");
        settings.put(CloudKeys.DYNAMODB_ENDPOINT, wm.getHttpBaseUrl());

        CloudSweep.Result result = new SweepClients(CloudConfig.from(settings, name -> null)).sweep()
                .sweep(Duration.ofHours(6), NOW);

        assertThat(result.removed()).containsExactly("DynamoDB table " + OLD + "_r1_smoke_interactions");
        stub.verifyThat(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withHeader(target, com.github.tomakehurst.wiremock.client.WireMock.equalTo("DynamoDB_20120810.DeleteTable"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(OLD + "_r1_smoke_interactions")));
    }

    @Test
    void theMainClassRefusesUnknownArgumentsAndMissingSettings() {
        assertThat(CloudSweepMain.run(new String[] {"--older", "6h"}, Map.of())).isEqualTo(2);
        assertThat(CloudSweepMain.run(new String[] {"--older-than", "6h"}, Map.of())).isEqualTo(2);
    }

    @Test
    void theMainClassInPlanModeDeletesNothing(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(get(urlEqualTo(STATEMENTS + "?page_size=100")).willReturn(okJson(
                "{\"data\":[" + statement(OLD + "-r1-smoke-1-routing") + "],\"metadata\":{}}")));
        stub.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson("[]")));
        stub.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":[]}")));
        stub.register(get(urlPathEqualTo("/subjects")).willReturn(okJson("[]")));

        assertThat(CloudSweepMain.run(new String[] {"--older-than", "1m", "--plan"}, settings(wm))).isZero();
        stub.verifyThat(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void theToolTheCommandLineFindsTakesItsSettingsAsArgumentsAndPlansWithoutDeleting(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(get(urlEqualTo(STATEMENTS + "?page_size=100")).willReturn(okJson("{\"data\":["
                + statement(LONG_AGO + "-r1-smoke-1-routing") + "," + statement("prod-routing") + "],\"metadata\":{}}")));
        stub.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson("[]")));
        stub.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":[]}")));
        stub.register(get(urlPathEqualTo("/subjects")).willReturn(okJson("[]")));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sweep", "--older-than", "6h", "--plan"));
        settings(wm).forEach((key, value) -> args.addAll(java.util.List.of("-D", key + "=" + value)));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();

        int exit = java.util.spi.ToolProvider.findFirst(CloudTool.NAME).orElseThrow()
                .run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("would remove Flink statement " + LONG_AGO + "-r1-smoke-1-routing")
                .doesNotContain("would remove Flink statement prod-routing")
                .contains("plan mode, nothing was deleted").doesNotContain("kafka-secret").doesNotContain("cloud-secret");
        stub.verifyThat(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void theToolRefusesAnUnknownCommandAndASettingWithoutValue() {
        java.io.StringWriter err = new java.io.StringWriter();
        CloudTool tool = new CloudTool();
        assertThat(tool.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "purge")).isEqualTo(2);
        assertThat(tool.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "sweep", "-D", "novalue")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'purge' (known: sweep)").contains("-D needs KEY=VALUE");
    }

    private static Map<String, String> settings(WireMockRuntimeInfo wm) {
        String base = wm.getHttpBaseUrl();
        Map<String, String> settings = new HashMap<>();
        settings.put(CloudKeys.ENVIRONMENT_ID, "env-1");
        settings.put(CloudKeys.ORGANIZATION_ID, ORG);
        settings.put(CloudKeys.API_URL, base);
        settings.put(CloudKeys.CLOUD_API_KEY, "K");
        settings.put(CloudKeys.CLOUD_API_SECRET, "cloud-secret");
        settings.put(CloudKeys.kafka("east", "cluster-id"), "lkc-east");
        settings.put(CloudKeys.kafka("east", "rest-endpoint"), base);
        settings.put(CloudKeys.kafka("east", "bootstrap"), "b:9092");
        settings.put(CloudKeys.kafka("east", "api-key"), "K");
        settings.put(CloudKeys.kafka("east", "api-secret"), "kafka-secret");
        settings.put(CloudKeys.FLINK_ENDPOINT, base);
        settings.put(CloudKeys.FLINK_API_KEY, "K");
        settings.put(CloudKeys.FLINK_API_SECRET, "flink-secret");
        settings.put(CloudKeys.FLINK_COMPUTE_POOL, "lfcp-1");
        settings.put(CloudKeys.FLINK_CATALOG, "env");
        settings.put(CloudKeys.FLINK_DATABASE, "cluster");
        settings.put(CloudKeys.REGISTRY_URL, base);
        settings.put(CloudKeys.REGISTRY_API_KEY, "K");
        settings.put(CloudKeys.REGISTRY_API_SECRET, "sr-secret");
        settings.put(CloudKeys.POLL_INTERVAL, "10ms");
        return settings;
    }

    private static String statement(String name) {
        return "{\"name\":\"" + name + "\",\"metadata\":{\"created_at\":\"2026-12-01T08:00:00Z\"},"
                + "\"status\":{\"phase\":\"RUNNING\"}}";
    }
}
