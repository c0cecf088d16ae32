package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.cloud.config.CloudKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stub servers answering as Confluent Cloud's published APIs do (bodies shaped as in the OpenAPI
 * specs and the Terraform provider's test data), all on one WireMock server under their own paths.
 */
final class CloudStubs {

    static final String CANARY = "canary-5ecret-7f3a9c";
    static final String ORG = "0b2a6e52-3c36-4c3b-9b1f-7a0c0f6d4a11";
    static final String ENV = "env-abc123";
    static final String STATEMENTS = "/sql/v1/organizations/" + ORG + "/environments/" + ENV + "/statements";
    static final String CONNECTORS = "/connect/v1/environments/" + ENV + "/clusters/lkc-east/connectors";

    private CloudStubs() {
    }

    /** Every setting the topology needs, pointing at {@code base}; the Kafka secret is the canary. */
    static Map<String, String> settings(String base) {
        Map<String, String> settings = new HashMap<>();
        settings.put(CloudKeys.ENVIRONMENT_ID, ENV);
        settings.put(CloudKeys.ORGANIZATION_ID, ORG);
        settings.put(CloudKeys.API_URL, base);
        settings.put(CloudKeys.CLOUD_API_KEY, "CLOUDKEY1");
        settings.put(CloudKeys.CLOUD_API_SECRET, "cloud-secret-1");
        settings.put(CloudKeys.kafka("east", "cluster-id"), "lkc-east");
        settings.put(CloudKeys.kafka("east", "rest-endpoint"), base);
        settings.put(CloudKeys.kafka("east", "bootstrap"), "pkc-east.aws.confluent.cloud:9092");
        settings.put(CloudKeys.kafka("east", "api-key"), "KAFKAKEY1");
        settings.put(CloudKeys.kafka("east", "api-secret"), CANARY);
        settings.put(CloudKeys.FLINK_ENDPOINT, base);
        settings.put(CloudKeys.FLINK_API_KEY, "FLINKKEY1");
        settings.put(CloudKeys.FLINK_API_SECRET, "flink-secret-1");
        settings.put(CloudKeys.FLINK_COMPUTE_POOL, "lfcp-pool1");
        settings.put(CloudKeys.FLINK_CATALOG, "harness-env");
        settings.put(CloudKeys.FLINK_DATABASE, "east-cluster");
        settings.put(CloudKeys.REGISTRY_URL, base);
        settings.put(CloudKeys.REGISTRY_API_KEY, "SRKEY1");
        settings.put(CloudKeys.REGISTRY_API_SECRET, "sr-secret-1");
        settings.put(CloudKeys.POLL_INTERVAL, "10ms");
        settings.put(CloudKeys.RETRY_DEADLINE, "10s");
        return settings;
    }

    /** Reads, topics, statements (PENDING, then RUNNING, gone after DELETE), connectors (PROVISIONING, then RUNNING). */
    static void environment(WireMock wm) {
        wm.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east")).willReturn(okJson(
                "{\"kind\":\"KafkaCluster\",\"cluster_id\":\"lkc-east\"}")));
        wm.register(post(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"KafkaTopic\",\"partitions_count\":3,\"replication_factor\":3}")));
        wm.register(delete(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.*")).willReturn(aResponse().withStatus(204)));
        wm.register(get(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":40403,\"message\":\"This server does not host this topic-partition.\"}")));
        wm.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":[]}")));

        wm.register(get(urlEqualTo("/fcpm/v2/compute-pools/lfcp-pool1?environment=" + ENV)).inScenario("pool")
                .whenScenarioStateIs(STARTED).willSetStateTo("provisioned").willReturn(okJson(computePool("PROVISIONING"))));
        wm.register(get(urlEqualTo("/fcpm/v2/compute-pools/lfcp-pool1?environment=" + ENV)).inScenario("pool")
                .whenScenarioStateIs("provisioned").willReturn(okJson(computePool("PROVISIONED"))));
        wm.register(get(urlEqualTo(STATEMENTS + "?page_size=1")).willReturn(okJson("{\"data\":[],\"metadata\":{}}")));
        wm.register(post(urlEqualTo(STATEMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(statement("PENDING", ""))));
        wm.register(get(urlPathMatching(STATEMENTS + "/.+")).inScenario("flink").whenScenarioStateIs(STARTED)
                .willSetStateTo("running").willReturn(okJson(statement("PENDING", ""))));
        wm.register(get(urlPathMatching(STATEMENTS + "/.+")).inScenario("flink").whenScenarioStateIs("running")
                .willReturn(okJson(statement("RUNNING", ""))));
        wm.register(delete(urlPathMatching(STATEMENTS + "/.+")).inScenario("flink").willSetStateTo("deleted")
                .willReturn(aResponse().withStatus(202)));
        wm.register(get(urlPathMatching(STATEMENTS + "/.+")).inScenario("flink").whenScenarioStateIs("deleted")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"status\":\"404\",\"detail\":\"Statement not found\"}]}")));

        wm.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson("[]")));
        wm.register(post(urlEqualTo(CONNECTORS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"x\",\"config\":{},\"tasks\":[]}")));
        wm.register(get(urlPathMatching(CONNECTORS + "/.+/status")).inScenario("connect").whenScenarioStateIs(STARTED)
                .willSetStateTo("running").willReturn(okJson(connectorStatus("PROVISIONING"))));
        wm.register(get(urlPathMatching(CONNECTORS + "/.+/status")).inScenario("connect").whenScenarioStateIs("running")
                .willReturn(okJson(connectorStatus("RUNNING"))));
        wm.register(delete(urlPathMatching(CONNECTORS + "/.+")).willReturn(aResponse().withStatus(200)));

        wm.register(get(urlPathEqualTo("/subjects")).willReturn(okJson("[\"orders-value\"]")));
        wm.register(any(urlPathMatching("/never")).willReturn(aResponse().withStatus(500)));
        wm.register(put(urlPathMatching("/never")).willReturn(aResponse().withStatus(500)));
    }

    static String statement(String phase, String detail) {
        return "{\"api_version\":\"sql/v1\",\"kind\":\"Statement\",\"name\":\"s\",\"organization_id\":\"" + ORG + "\","
                + "\"environment_id\":\"" + ENV + "\",\"metadata\":{\"created_at\":\"2026-12-01T08:00:00Z\","
                + "\"resource_version\":\"a1\"},\"spec\":{\"statement\":\"INSERT ...\",\"compute_pool_id\":\"lfcp-pool1\","
                + "\"stopped\":false},\"status\":{\"phase\":\"" + phase + "\",\"detail\":\"" + detail + "\"}}";
    }

    static String computePool(String phase) {
        return "{\"api_version\":\"fcpm/v2\",\"kind\":\"ComputePool\",\"id\":\"lfcp-pool1\",\"spec\":{\"display_name\":"
                + "\"harness\",\"cloud\":\"AWS\",\"region\":\"us-east-1\",\"max_cfu\":10,\"environment\":{\"id\":\"" + ENV
                + "\"}},\"status\":{\"phase\":\"" + phase + "\",\"current_cfu\":0}}";
    }

    static String connectorStatus(String state) {
        return "{\"name\":\"c\",\"connector\":{\"state\":\"" + state + "\",\"worker_id\":\"c\",\"trace\":\"\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"" + state + "\",\"worker_id\":\"c\",\"msg\":\"\"}],\"type\":\"source\"}";
    }

    /** The fixture pipeline {@code pipelines/routing} as the engine's loader would read it. */
    static PipelineDefinition routingPipeline() throws IOException {
        Path folder = Path.of("src/test/resources/pipelines/routing").toAbsolutePath();
        return new PipelineDefinition("routing", folder,
                List.of(new TopicSpec("raw_business_events", 3, "json", Map.of()),
                        new TopicSpec("filtered_loan_events", 3, "json", Map.of("retention.ms", "3600000"))),
                List.of(), List.of(), List.of(file(folder, "flink/routing.sql")),
                List.of(file(folder, "connectors/postgres-cdc.json")));
    }

    static PipelineFile file(Path folder, String relative) throws IOException {
        Path path = folder.resolve(relative);
        return new PipelineFile(path, "pipelines/routing/" + relative, Files.readString(path));
    }
}
