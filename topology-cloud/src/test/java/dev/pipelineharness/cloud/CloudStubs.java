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

    static final String LINK = "east-to-west-link";
    static final String WEST_LINK = "/kafka/v3/clusters/lkc-west/links/" + LINK;
    /** The DR region's Flink secret: a second canary. */
    static final String WEST_CANARY = "canary-west-5ecret-42d1";

    /** {@link #settings} with the DR region west: its cluster, the cluster link and the Flink database of west. */
    static Map<String, String> twoRegions(String base) {
        Map<String, String> settings = settings(base);
        settings.put(CloudKeys.REGIONS, "east,west");
        settings.put(CloudKeys.kafka("west", "cluster-id"), "lkc-west");
        settings.put(CloudKeys.kafka("west", "rest-endpoint"), base);
        settings.put(CloudKeys.kafka("west", "bootstrap"), "pkc-west.aws.confluent.cloud:9092");
        settings.put(CloudKeys.kafka("west", "api-key"), "WESTKEY1");
        settings.put(CloudKeys.kafka("west", "api-secret"), "west-kafka-secret-1");
        settings.put(CloudKeys.LINK_NAME, LINK);
        settings.put(CloudKeys.flink("west", "database"), "west-cluster");
        settings.put(CloudKeys.flink("west", "api-key"), "WESTFLINK1");
        settings.put(CloudKeys.flink("west", "api-secret"), WEST_CANARY);
        return settings;
    }

    /**
     * The DR cluster as the Kafka REST v3 and Cluster Linking APIs answer: mirrors created (204), the
     * link's {@code consumer.offset.sync.enable}, each mirror ACTIVE with {@code mirror_lags} until
     * {@code mirrors:failover} (200, a result per topic), then STOPPED; statements whose name ends in
     * {@code -west} (the failover's) RUNNING until deleted.
     */
    static void drRegion(WireMock wm) {
        wm.register(get(urlEqualTo("/kafka/v3/clusters/lkc-west")).willReturn(okJson(
                "{\"kind\":\"KafkaCluster\",\"cluster_id\":\"lkc-west\"}")));
        wm.register(post(urlEqualTo(WEST_LINK + "/mirrors")).willReturn(aResponse().withStatus(204)));
        wm.register(delete(urlPathMatching("/kafka/v3/clusters/lkc-west/topics/.*")).willReturn(aResponse().withStatus(204)));
        wm.register(get(urlPathMatching("/kafka/v3/clusters/lkc-west/topics/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":40403,\"message\":\"This server does not host this topic-partition.\"}")));
        wm.register(get(urlEqualTo(WEST_LINK + "/configs/consumer.offset.sync.enable")).willReturn(okJson(
                "{\"kind\":\"KafkaLinkConfigData\",\"cluster_id\":\"lkc-west\",\"name\":\"consumer.offset.sync.enable\","
                        + "\"value\":\"true\",\"read_only\":false,\"sensitive\":false,\"source\":\"DYNAMIC_CLUSTER_LINK_CONFIG\","
                        + "\"synonyms\":[],\"link_name\":\"" + LINK + "\"}")));
        wm.register(get(urlPathMatching(WEST_LINK + "/mirrors/.+")).inScenario("mirror").whenScenarioStateIs(STARTED)
                .willReturn(okJson(mirror("ACTIVE", "[{\"partition\":0,\"lag\":2,\"last_source_fetch_offset\":10},"
                        + "{\"partition\":1,\"lag\":1,\"last_source_fetch_offset\":7},"
                        + "{\"partition\":2,\"lag\":0,\"last_source_fetch_offset\":4}]"))));
        wm.register(post(urlEqualTo(WEST_LINK + "/mirrors:failover")).inScenario("mirror").willSetStateTo("failed-over")
                .willReturn(okJson("{\"kind\":\"AlterMirrorStatusResponseDataList\",\"metadata\":{\"self\":\"\",\"next\":null},"
                        + "\"data\":[{\"kind\":\"AlterMirrorStatusResponseData\",\"mirror_topic_name\":\"t\","
                        + "\"error_message\":null,\"error_code\":null,\"mirror_lags\":[]}]}")));
        wm.register(get(urlPathMatching(WEST_LINK + "/mirrors/.+")).inScenario("mirror").whenScenarioStateIs("failed-over")
                .willReturn(okJson(mirror("STOPPED", "[]"))));

        String westStatement = STATEMENTS + "/ph[a-z0-9.-]*-west";
        wm.register(get(urlPathMatching(westStatement)).atPriority(1).inScenario("west-flink").whenScenarioStateIs(STARTED)
                .willReturn(okJson(statement("RUNNING", ""))));
        wm.register(delete(urlPathMatching(westStatement)).atPriority(1).inScenario("west-flink").willSetStateTo("deleted")
                .willReturn(aResponse().withStatus(202)));
        wm.register(get(urlPathMatching(westStatement)).atPriority(1).inScenario("west-flink").whenScenarioStateIs("deleted")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"status\":\"404\",\"detail\":\"Statement not found\"}]}")));
    }

    static String mirror(String status, String lags) {
        return "{\"kind\":\"KafkaMirrorData\",\"link_name\":\"" + LINK + "\",\"mirror_topic_name\":\"t\","
                + "\"source_topic_name\":\"t\",\"num_partitions\":3,\"mirror_lags\":" + lags + ",\"mirror_status\":\""
                + status + "\",\"state_time_ms\":1764576000000}";
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

    /** A statement whose status says where it got to ({@code latest_offsets}: per topic, as Flink's specific offsets). */
    static String statementWithOffsets(String phase, String topic, String offsets) {
        return statement(phase, "").replace("\"detail\":\"\"}", "\"detail\":\"\",\"latest_offsets\":{\"" + topic
                + "\":\"" + offsets + "\"},\"latest_offsets_timestamp\":\"2026-12-01T08:00:05Z\"}");
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
