package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.api.control.ComponentControl;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.cloud.config.CloudKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole deployment against stubs of the published APIs: what is created, polled and removed, at API level. */
@WireMockTest
class CloudTopologyStubbedEndToEndTest {

    private static final Namespace NAMESPACE = new Namespace("r1abcd", "routing_smoke");

    @TempDir
    Path work;

    @Test
    void deploysAPipelineAndRemovesEverythingItCreated(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            String raw = deployment.topic("raw_business_events");
            assertThat(raw).matches("ph\\d{12}_r1abcd_routing_smoke_raw_business_events");

            wm.getWireMock().verifyThat(2, postRequestedFor(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")));
            wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/kafka/v3/clusters/lkc-east/topics"))
                    .withRequestBody(matchingJsonPath("$.topic_name", equalTo(raw)))
                    .withRequestBody(matchingJsonPath("$.partitions_count", equalTo("3"))));
            wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/kafka/v3/clusters/lkc-east/topics"))
                    .withRequestBody(matchingJsonPath("$.configs[0].name", equalTo("retention.ms"))));
            // the cloud override was submitted, SET folded into the properties, one statement per INSERT
            wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS))
                    .withRequestBody(matchingJsonPath("$.spec.statement", com.github.tomakehurst.wiremock.client.WireMock
                            .containing("FROM `" + raw + "`")))
                    .withRequestBody(matchingJsonPath("$.spec.properties['sql.state-ttl']", equalTo("1 h")))
                    .withRequestBody(matchingJsonPath("$.spec.compute_pool_id", equalTo("lfcp-pool1")))
                    .withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock
                            .matching("ph\\d{12}-r1abcd-routing-smoke-1-routing"))));
            wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.CONNECTORS))
                    .withRequestBody(matchingJsonPath("$.config['connector.class']", equalTo("PostgresCdcSourceV2")))
                    .withRequestBody(matchingJsonPath("$.config['kafka.api.key']", equalTo("KAFKAKEY1"))));

            TopologyControl control = topology.capability(TopologyControl.class).orElseThrow();
            assertThat(control.components(deployment)).extracting(ComponentControl::name)
                    .containsExactly("connect.postgres_cdc", "flink");
            assertThat(topology.supportedFaults()).containsExactlyInAnyOrder("pause", "restart");

            deployment.close();
            wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph.*")));
            wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/ph.*")));
            wm.getWireMock().verifyThat(2, deleteRequestedFor(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/ph.*")));
            // a subject without the harness prefix is never touched
            wm.getWireMock().verifyThat(0, deleteRequestedFor(urlPathMatching("/subjects/.*")));
        }
    }

    @Test
    void closingTheTopologyRemovesADeploymentTheEngineNeverClosed(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()));
        topology.start();
        topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);

        topology.close(); // as the engine's shutdown hook does on Ctrl-C or SIGTERM

        wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph.*")));
        wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/ph.*")));
        wm.getWireMock().verifyThat(2, deleteRequestedFor(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/ph.*")));
    }

    @Test
    void theDeploymentsFlinkStatementsArePausedByStoppingThemAndResumed(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathMatching(
                CloudStubs.STATEMENTS + "/.+")).willReturn(aResponse().withStatus(202)));
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            ComponentControl flink = topology.capability(TopologyControl.class).orElseThrow().component(deployment, "flink");
            var stopped = wm.getWireMock().register(get(urlPathMatching(CloudStubs.STATEMENTS + "/.+")).atPriority(1)
                    .willReturn(okJson(CloudStubs.statement("STOPPED", ""))));

            flink.pause();
            assertThat(flink.state()).isEqualTo(dev.pipelineharness.api.control.ComponentState.PAUSED);
            flink.resume();

            wm.getWireMock().verifyThat(putRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph.*"))
                    .withRequestBody(matchingJsonPath("$.spec.stopped", equalTo("true"))));
            wm.getWireMock().verifyThat(putRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph.*"))
                    .withRequestBody(matchingJsonPath("$.spec.stopped", equalTo("false"))));
            assertThatThrownBy(flink::kill).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("flink does not support kill");
            wm.getWireMock().removeStubMapping(stopped);
            deployment.close();
        }
    }

    @Test
    void aFailedConnectorIsRemovedAgainAndItsTraceIsTheErrorWithTheSecretMasked(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(get(urlPathMatching(CloudStubs.CONNECTORS + "/.+/status")).atPriority(1)
                .willReturn(okJson("{\"connector\":{\"state\":\"FAILED\",\"trace\":\"Login failed for kafka.api.secret="
                        + CloudStubs.CANARY + "\"},\"tasks\":[]}")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Throwable failure;
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            topology.start();
            System.out.println(topology.endpoints().kafka().securityProperties());
            failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> topology.deploy(CloudStubs.routingPipeline(), NAMESPACE));
            if (failure != null) {
                failure.printStackTrace();
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(failure).hasMessageContaining("connector ph").hasMessageContaining("FAILED: Login failed")
                .hasMessageContaining("pipelines/routing/cloud/connectors/postgres-cdc.json");
        assertThat(stackText(failure)).doesNotContain(CloudStubs.CANARY);
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain(CloudStubs.CANARY);
        assertNoFileHolds(work, CloudStubs.CANARY);
        // all or nothing: what was created before the failure is gone again
        wm.getWireMock().verifyThat(1, deleteRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/ph.*")));
        wm.getWireMock().verifyThat(2, deleteRequestedFor(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/ph.*")));
    }

    @Test
    void theEndpointsGiveTheAvroSerdesTheSchemaRegistryKeyAndPrintNoSecret(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> settings = new java.util.HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.put(CloudKeys.REGISTRY_API_SECRET, CloudStubs.CANARY);
        try (Topology topology = topology(settings)) {
            topology.start();
            var credentials = topology.endpoints().schemaRegistryCredentials().orElseThrow();

            assertThat(credentials.user().reveal()).isEqualTo("SRKEY1");
            assertThat(credentials.password().reveal()).isEqualTo(CloudStubs.CANARY);
            assertThat(topology.endpoints().schemaRegistry()).contains(java.net.URI.create(wm.getHttpBaseUrl()));
            assertThat(topology.endpoints().toString()).doesNotContain(CloudStubs.CANARY).doesNotContain("SRKEY1");
        }
    }

    @Test
    void withoutASchemaRegistryTheEndpointsHaveNoRegistryCredentials(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> settings = new java.util.HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.remove(CloudKeys.REGISTRY_URL);
        settings.remove(CloudKeys.REGISTRY_API_KEY);
        settings.remove(CloudKeys.REGISTRY_API_SECRET);
        try (Topology topology = topology(settings)) {
            topology.start();
            assertThat(topology.endpoints().schemaRegistry()).isEmpty();
            assertThat(topology.endpoints().schemaRegistryCredentials()).isEmpty();
        }
    }

    @Test
    void planModeRecordsEveryCallWithSecretsMaskedAndChangesNothing(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> settings = new java.util.HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.put(CloudKeys.PLAN, "true");
        try (Topology topology = topology(settings)) {
            topology.start();
            assertThatThrownBy(() -> topology.deploy(CloudStubs.routingPipeline(), NAMESPACE))
                    .isInstanceOf(dev.pipelineharness.api.ScenarioSkipped.class)
                    .hasMessageMatching("plan mode: \\d+ calls written to " + java.util.regex.Pattern.quote(
                            work.resolve("cloud-plan.txt").toString()) + " \\(\\d+ that would create.*")
                    .hasMessageContaining("nothing was created");
        }
        for (var changing : java.util.List.of(postRequestedFor(anyUrl()), putRequestedFor(anyUrl()),
                deleteRequestedFor(anyUrl()), patchRequestedFor(anyUrl()))) {
            wm.getWireMock().verifyThat(0, changing);
        }
        String plan = Files.readString(work.resolve("cloud-plan.txt"));
        assertThat(plan).contains("PLANNED POST " + wm.getHttpBaseUrl() + "/kafka/v3/clusters/lkc-east/topics")
                .contains("PLANNED POST " + wm.getHttpBaseUrl() + CloudStubs.STATEMENTS)
                .contains("PLANNED POST " + wm.getHttpBaseUrl() + CloudStubs.CONNECTORS)
                .contains("PLANNED DELETE " + wm.getHttpBaseUrl() + CloudStubs.STATEMENTS + "/ph")
                .contains("\"kafka.api.secret\":\"******\"")
                .doesNotContain(CloudStubs.CANARY).doesNotContain("flink-secret-1");
    }

    @Test
    void aRefusedKeyStopsTheStartNamingItsSetting(WireMockRuntimeInfo wm) {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(get(urlEqualTo(CloudStubs.STATEMENTS + "?page_size=1")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"status\":\"401\",\"detail\":\"Unauthorized\"}]}")));
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            assertThatThrownBy(topology::start).hasMessageContaining("answered 401: Unauthorized")
                    .hasMessageContaining("pipeline-harness.cloud.flink.api-key")
                    .hasMessageNotContaining("flink-secret-1");
        }
    }

    @Test
    void aMalformedConnectorFileIsRefusedAtItsLineBeforeAnythingIsCreated(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Path folder = Files.createDirectories(work.resolve("bad"));
        Path connector = Files.writeString(Files.createDirectories(folder.resolve("connectors")).resolve("sink.json"),
                "{\"name\": \"sink\",\n \"config\": {\"connector.class\": \"PostgresSink\",\n \"connection.password\": "
                        + "\"${postgres.password}\" \"oops\"}}");
        var pipeline = new dev.pipelineharness.api.PipelineDefinition("bad", folder,
                java.util.List.of(new dev.pipelineharness.api.TopicSpec("t", 1, "json", Map.of())), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of(new dev.pipelineharness.api.PipelineFile(
                        connector, "bad/connectors/sink.json", Files.readString(connector))));
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            topology.start();
            assertThatThrownBy(() -> topology.deploy(pipeline, NAMESPACE))
                    .isInstanceOf(dev.pipelineharness.api.ScenarioDefinitionException.class)
                    .hasMessageContaining("bad/connectors/sink.json:3:");
        }
        wm.getWireMock().verifyThat(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aFailedComputePoolStopsTheStart(WireMockRuntimeInfo wm) {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(get(urlEqualTo("/fcpm/v2/compute-pools/lfcp-pool1?environment=" + CloudStubs.ENV))
                .atPriority(1).willReturn(okJson(CloudStubs.computePool("FAILED"))));
        try (Topology topology = topology(CloudStubs.settings(wm.getHttpBaseUrl()))) {
            assertThatThrownBy(topology::start).hasMessageContaining("Flink compute pool lfcp-pool1 is FAILED");
        }
    }

    private Topology topology(Map<String, String> settings) {
        return new CloudTopologyProvider().create(new TopologySettings(work, false, Duration.ofSeconds(20), settings));
    }

    static String stackText(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    static void assertNoFileHolds(Path directory, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
