package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
import dev.pipelineharness.api.control.ComponentState;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.control.ClusterLinkFailover;
import dev.pipelineharness.cloud.control.DestructiveGuard.DestructiveOperationRefused;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults through the APIs, and the guards that keep a destructive one from running unless allowed twice. */
@WireMockTest
class CloudGuardsTest {

    private static final Namespace NAMESPACE = new Namespace("r2guard", "drill");

    @TempDir
    Path work;

    @Test
    void aDeploymentsOwnConnectorIsPausedAndResumedWithoutAnyAllowance(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(put(urlPathMatching(CloudStubs.CONNECTORS + "/.+/pause")).willReturn(aResponse().withStatus(202)));
        wm.getWireMock().register(put(urlPathMatching(CloudStubs.CONNECTORS + "/.+/resume")).willReturn(aResponse().withStatus(202)));
        try (Topology topology = topology(wm, Map.of())) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            ComponentControl connector = topology.capability(TopologyControl.class).orElseThrow()
                    .component(deployment, "connect.postgres_cdc");
            wm.getWireMock().register(get(urlPathMatching(CloudStubs.CONNECTORS + "/.+/status")).atPriority(1)
                    .willReturn(okJson(CloudStubs.connectorStatus("PAUSED"))));

            connector.pause();
            assertThat(connector.state()).isEqualTo(ComponentState.PAUSED);
            connector.resume();

            wm.getWireMock().verifyThat(1, putRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/ph\\d{12}_r2guard_drill_postgres_cdc/pause")));
            wm.getWireMock().verifyThat(1, putRequestedFor(urlPathMatching(CloudStubs.CONNECTORS + "/.+/resume")));
            deployment.close();
        }
    }

    @Test
    void aConnectorTheRunDidNotCreateIsRefusedWithoutTheAllowance(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        try (Topology topology = topology(wm, Map.of())) {
            topology.start();
            ComponentControl shared = ((CloudTopology) topology).control().sharedConnector("prod_orders_cdc");

            assertThatThrownBy(shared::pause).isInstanceOf(DestructiveOperationRefused.class)
                    .hasMessageContaining("pausing connector prod_orders_cdc (not created by this run)")
                    .hasMessageContaining("set pipeline-harness.cloud.allow-destructive=true");
            wm.getWireMock().verifyThat(0, putRequestedFor(anyUrl()));
        }
    }

    @Test
    void anRdsRebootWithFailoverIsRefusedUnlessAllowedAndTheEnvironmentIsOnTheAllowList(WireMockRuntimeInfo wm)
            throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> rds = Map.of(CloudKeys.AWS_REGION, "us-east-1", CloudKeys.AWS_ACCESS_KEY_ID, "AKIDEXAMPLE",
                CloudKeys.AWS_SECRET_ACCESS_KEY, "aws-secret-example", CloudKeys.RDS_INSTANCE_ID, "orders-db",
                CloudKeys.RDS_ENDPOINT, wm.getHttpBaseUrl() + "/rds/");
        // allowed, but the environment is not on the allow-list
        Map<String, String> allowedOnly = new HashMap<>(rds);
        allowedOnly.put(CloudKeys.ALLOW_DESTRUCTIVE, "true");
        allowedOnly.put(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, "env-staging");
        for (Map<String, String> refused : java.util.List.of(rds, allowedOnly)) {
            try (Topology topology = topology(wm, refused)) {
                topology.start();
                ComponentControl postgres = topology.capability(TopologyControl.class).orElseThrow()
                        .component(anyDeployment(), "postgres");
                assertThatThrownBy(() -> postgres.restart(Duration.ofSeconds(5)))
                        .isInstanceOf(DestructiveOperationRefused.class)
                        .hasMessageContaining("rebooting RDS instance orders-db with failover");
            }
        }
        wm.getWireMock().verifyThat(0, postRequestedFor(urlPathMatching("/rds/.*")));

        Map<String, String> allowed = new HashMap<>(allowedOnly);
        allowed.put(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, "env-staging," + CloudStubs.ENV);
        wm.getWireMock().register(post(urlEqualTo("/rds/")).withRequestBody(containing("Action=RebootDBInstance"))
                .willReturn(aResponse().withStatus(200).withBody("<RebootDBInstanceResponse><RebootDBInstanceResult>"
                        + "<DBInstance><DBInstanceStatus>rebooting</DBInstanceStatus></DBInstance>"
                        + "</RebootDBInstanceResult></RebootDBInstanceResponse>")));
        wm.getWireMock().register(get(urlPathMatching("/rds/.*")).willReturn(aResponse().withStatus(200)
                .withBody("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>"
                        + "<DBInstanceStatus>available</DBInstanceStatus></DBInstance></DBInstances>"
                        + "</DescribeDBInstancesResult></DescribeDBInstancesResponse>")));
        try (Topology topology = topology(wm, allowed)) {
            topology.start();
            ComponentControl postgres = topology.capability(TopologyControl.class).orElseThrow()
                    .component(anyDeployment(), "postgres");
            postgres.restart(Duration.ofSeconds(5));
            assertThat(postgres.state()).isEqualTo(ComponentState.RUNNING);
        }
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/rds/"))
                .withRequestBody(containing("ForceFailover=true"))
                .withRequestBody(containing("DBInstanceIdentifier=orders-db"))
                .withHeader("Authorization", containing("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
                .withHeader("Authorization", containing("/us-east-1/rds/aws4_request")));
    }

    @Test
    void aClusterLinkFailoverIsGuardedThenPromotesTheDeploymentsMirrorsAndReportsTheirLag(WireMockRuntimeInfo wm)
            throws Exception {
        CloudStubs.environment(wm.getWireMock());
        wm.getWireMock().register(get(urlEqualTo("/kafka/v3/clusters/lkc-west")).willReturn(okJson("{}")));
        wm.getWireMock().register(post(urlEqualTo("/kafka/v3/clusters/lkc-west/links/east-to-west-link/mirrors"))
                .willReturn(aResponse().withStatus(204)));
        wm.getWireMock().register(delete(urlPathMatching("/kafka/v3/clusters/lkc-west/topics/.*")).willReturn(aResponse().withStatus(204)));
        wm.getWireMock().register(get(urlPathMatching("/kafka/v3/clusters/lkc-west/topics/.*")).willReturn(aResponse().withStatus(404)));
        wm.getWireMock().register(get(urlPathMatching("/kafka/v3/clusters/lkc-west/links/east-to-west-link/mirrors/.*"))
                .inScenario("mirror").willReturn(okJson("{\"link_name\":\"east-to-west-link\",\"mirror_topic_name\":\"t\","
                        + "\"source_topic_name\":\"t\",\"num_partitions\":3,\"mirror_lags\":[{\"partition\":0,\"lag\":2,"
                        + "\"last_source_fetch_offset\":10},{\"partition\":1,\"lag\":1,\"last_source_fetch_offset\":7}],"
                        + "\"mirror_status\":\"ACTIVE\"}")));
        wm.getWireMock().register(post(urlEqualTo("/kafka/v3/clusters/lkc-west/links/east-to-west-link/mirrors:failover"))
                .inScenario("mirror").willSetStateTo("stopped")
                .willReturn(okJson("{\"kind\":\"AlterMirrorStatusResponseDataList\",\"data\":[]}")));
        wm.getWireMock().register(get(urlPathMatching("/kafka/v3/clusters/lkc-west/links/east-to-west-link/mirrors/.*"))
                .inScenario("mirror").whenScenarioStateIs("stopped").willReturn(okJson(
                        "{\"mirror_topic_name\":\"t\",\"mirror_lags\":[],\"mirror_status\":\"STOPPED\"}")));
        Map<String, String> twoRegions = new HashMap<>();
        twoRegions.put(CloudKeys.REGIONS, "east,west");
        twoRegions.put(CloudKeys.kafka("west", "cluster-id"), "lkc-west");
        twoRegions.put(CloudKeys.kafka("west", "rest-endpoint"), wm.getHttpBaseUrl());
        twoRegions.put(CloudKeys.kafka("west", "bootstrap"), "pkc-west.aws.confluent.cloud:9092");
        twoRegions.put(CloudKeys.kafka("west", "api-key"), "WESTKEY");
        twoRegions.put(CloudKeys.kafka("west", "api-secret"), "west-secret");
        twoRegions.put(CloudKeys.LINK_NAME, "east-to-west-link");

        try (Topology topology = topology(wm, twoRegions)) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            ClusterLinkFailover failover = topology.capability(ClusterLinkFailover.class).orElseThrow();
            assertThat(failover.drRegion()).isEqualTo("west");

            assertThatThrownBy(() -> failover.failover(deployment, Duration.ofSeconds(5)))
                    .isInstanceOf(DestructiveOperationRefused.class);
            wm.getWireMock().verifyThat(0, postRequestedFor(urlPathMatching(".*mirrors:failover")));
            deployment.close();
        }

        wm.getWireMock().resetScenarios();
        twoRegions.put(CloudKeys.ALLOW_DESTRUCTIVE, "true");
        twoRegions.put(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, CloudStubs.ENV);
        try (Topology topology = topology(wm, twoRegions)) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            var evidence = topology.capability(ClusterLinkFailover.class).orElseThrow()
                    .failover(deployment, Duration.ofSeconds(5));

            assertThat(evidence.mirrorLagAtCutover()).hasSize(2).allSatisfy((topic, lag) -> assertThat(lag).isEqualTo(3L));
            assertThat(evidence.drOffsetsAtCutover().get(deployment.topic("raw_business_events")))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(0, 10L, 1, 7L));
            wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(
                    "/kafka/v3/clusters/lkc-west/links/east-to-west-link/mirrors:failover"))
                    .withRequestBody(matchingJsonPath("$.mirror_topic_names[0]", equalTo(deployment.topic("raw_business_events")))));
            deployment.close();
        }
    }

    private Topology topology(WireMockRuntimeInfo wm, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.putAll(extra);
        return new CloudTopologyProvider().create(new TopologySettings(work, false, Duration.ofSeconds(20), settings));
    }

    private static Deployment anyDeployment() {
        return new dev.pipelineharness.testkit.StubDeployment("s", new dev.pipelineharness.api.JdbcEndpoint(
                "jdbc:postgresql://h/db", "h", 5432, "db", "u", dev.pipelineharness.api.Secret.of("p")));
    }
}
