package dev.pipelineharness.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.api.ScenarioSkipped;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.api.control.FailoverReport;
import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import dev.pipelineharness.api.control.Outage;
import dev.pipelineharness.api.control.RegionFailover;
import dev.pipelineharness.cloud.config.CloudConfig;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.control.DestructiveGuard.DestructiveOperationRefused;
import dev.pipelineharness.cloud.http.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region failover drill of the cloud topology, step by step, against stubs of the published
 * APIs (Kafka REST v3 and Cluster Linking on the DR cluster, the Flink statements API) and a
 * recording stand-in for the Kafka-protocol side: what it calls, in which order, what the
 * {@link FailoverReport} holds, that the guard refuses it before anything changes, that a plan
 * changes nothing and that no secret leaks.
 */
@WireMockTest
class CloudRegionFailoverDrillTest {

    private static final Namespace NAMESPACE = new Namespace("r3drill", "east_outage");
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** What the east statement reports it processed of raw_business_events (partition 1 beyond west's copy). */
    private static final String PROCESSED = "partition:0,offset:8;partition:1,offset:9;partition:2,offset:1";

    @TempDir
    Path work;

    private RecordingRegionKafka kafka;

    @Test
    void theRunbookPromotesTheMirrorsMovesProducersStatementsAndTheGroupAndReportsTheCutover(WireMockRuntimeInfo wm)
            throws Exception {
        stubs(wm);
        try (CloudTopology topology = topology(allowed(wm))) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            String raw = deployment.topic("raw_business_events");
            String loan = deployment.topic("filtered_loan_events");
            eastStatementProcessed(wm, raw);
            int deployed = topology.calls().calls().size();
            RegionFailover failover = topology.capability(RegionFailover.class).orElseThrow();
            assertThat(failover.failoverTargets()).isEqualTo(Map.of("east", Set.of("west")));
            assertThat(topology.supportedFaults()).containsExactlyInAnyOrder("pause", "restart", "region-outage");

            Drill drill = drill(topology, failover, deployment);

            // the changing calls, in order: promote, stop the lost region's statement, start its successor, heal
            List<String> changes = drill.changes.subList(deployed, drill.changes.size());
            assertThat(changes).containsExactly(
                    "POST " + CloudStubs.WEST_LINK + "/mirrors:failover",
                    "DELETE " + CloudStubs.STATEMENTS + "/" + eastStatement(deployment),
                    "POST " + CloudStubs.STATEMENTS,
                    "DELETE " + CloudStubs.STATEMENTS + "/" + eastStatement(deployment) + "-west");
            String group = deployment.namespace().prefix() + "downstream_filtered_loan_events";
            assertThat(kafka.calls).containsExactly(
                    "consumeAndCommit east " + group + " " + loan,
                    "committed west " + group,
                    "endOffsets west 2",
                    "watchArrivals west 2",
                    "committed west " + group,
                    "endOffsets west 1",
                    "resume west " + group,
                    "deleteGroup west " + group,
                    "deleteGroup east " + group);
            // producers moved once the mirrors had stopped and the cutover was read, before the job moved
            assertThat(drill.atSwitch.get()).contains("POST " + CloudStubs.WEST_LINK + "/mirrors:failover", "endOffsets west 2")
                    .doesNotContain("resume west " + group)
                    .containsOnlyOnce("POST " + CloudStubs.STATEMENTS); // the deployment's own, not yet west's

            assertThat(drill.prepared).contains("group " + group + " committed 12 in east on " + loan)
                    .contains("the mirror in west held it and the link synced the group's offsets");
            assertThat(drill.outage.region()).isEqualTo("east");
            assertThat(drill.outage.evidence()).contains("mirrors:failover").contains("failed over its 2 mirror topic(s)")
                    .contains(raw + " 3").contains(loan + " 3");

            FailoverReport report = drill.report;
            assertThat(report.to()).isEqualTo("west");
            assertThat(report.outage()).isEqualTo(drill.outage);
            assertThat(report.cutoverAt()).isAfterOrEqualTo(drill.outage.at());
            assertThat(report.cutoverOffsets()).containsOnlyKeys(raw, loan)
                    .allSatisfy((topic, offsets) -> assertThat(offsets).isEqualTo(RecordingRegionKafka.END));
            assertThat(report.groups()).containsExactly(new GroupResumption(group, loan, 12, 12, 21,
                    RecordingRegionKafka.READ_AFTER_RESUME));
            assertThat(report.groups().get(0).resumedWithinProduced()).isTrue();
            assertThat(report.steps()).hasSize(4).isEqualTo(drill.told);
            assertThat(report.steps().get(0)).contains("west holds its copy at cutover: filtered_loan_events 21 record(s), "
                    + "raw_business_events 21 record(s)");
            assertThat(report.steps().get(1)).contains("producers moved to west");
            assertThat(report.steps().get(2)).contains(eastStatement(deployment) + " stopped and deleted in east")
                    .contains("re-created as " + eastStatement(deployment) + "-west against west's cluster west-cluster")
                    .contains("from the offsets it had processed").contains("RUNNING");
            assertThat(report.steps().get(3)).contains("group " + group + " resumed in west at 12 of 21");

            // the statement in west: its own key, west's database, from east's offsets capped at west's copy
            wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS))
                    .withRequestBody(matchingJsonPath("$.name", equalTo(eastStatement(deployment) + "-west")))
                    .withRequestBody(matchingJsonPath("$.spec.properties['sql.current-database']", equalTo("west-cluster")))
                    .withRequestBody(matchingJsonPath("$.spec.properties['sql.state-ttl']", equalTo("1 h")))
                    .withRequestBody(matchingJsonPath("$.spec.statement", containing("FROM `" + raw + "` /*+ OPTIONS("
                            + "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = "
                            + "'partition:0,offset:8;partition:1,offset:7;partition:2,offset:1') */")))
                    .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                            ("WESTFLINK1:" + CloudStubs.WEST_CANARY).getBytes(StandardCharsets.UTF_8)))));

            assertThat(drill.healed).contains("Cluster Linking failover is one-way")
                    .contains("the 2 mirror topic(s) of link east-to-west-link stay promoted")
                    .contains("removed what the drill created: statement " + eastStatement(deployment) + "-west in west, group "
                            + group + " in west and east")
                    .contains("the next scenario deploys into a fresh namespace");
            assertThat(kafka.closedArrivals).isTrue();
            deployment.close();
        }
        // the promoted mirrors go with the deployment
        wm.getWireMock().verifyThat(2, deleteRequestedFor(urlPathMatching("/kafka/v3/clusters/lkc-west/topics/ph.*")));
    }

    @Test
    void aPositionNeverReplicatedAndALostRegionThatDoesNotAnswerAreEvidenceAndTheRunbookGoesOn(WireMockRuntimeInfo wm)
            throws Exception {
        stubs(wm);
        // west's mirrors lag behind what the group committed in east, and east's statements API is gone
        wm.getWireMock().register(get(urlPathMatching(CloudStubs.WEST_LINK + "/mirrors/.+")).atPriority(1)
                .inScenario("mirror").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson(CloudStubs.mirror("ACTIVE", "[{\"partition\":0,\"lag\":9,\"last_source_fetch_offset\":1}]"))));
        try (CloudTopology topology = topology(allowed(wm))) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            var eastGone = wm.getWireMock().register(get(urlPathMatching(CloudStubs.STATEMENTS + "/ph[a-z0-9.-]*-routing"))
                    .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"errors\":[{\"status\":\"403\",\"detail\":\"region unavailable\"}]}")));
            RegionFailover failover = topology.capability(RegionFailover.class).orElseThrow();

            String prepared = failover.prepare(deployment, "east", "west", List.of("filtered_loan_events"),
                    Duration.ofMillis(300));
            Outage outage = failover.takeDown("east");
            FailoverReport report = failover.failover(deployment, outage, "west", new RegionSwitch(), step -> { }, BOUND);
            failover.bringBack("east", BOUND);

            assertThat(prepared).containsPattern("not replicated to west: Timed out after \\d+ ms waiting for mirror")
                    .contains("last seen: mirror fetched {0=1}");
            assertThat(report.steps().get(2)).contains(eastStatement(deployment) + " not reachable in east")
                    .contains("region unavailable")
                    .contains("from the earliest offset (no processed offsets known");
            wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS))
                    .withRequestBody(matchingJsonPath("$.name", equalTo(eastStatement(deployment) + "-west")))
                    .withRequestBody(matchingJsonPath("$.spec.statement", com.github.tomakehurst.wiremock.client.WireMock
                            .notContaining("OPTIONS"))));
            wm.getWireMock().verifyThat(0, deleteRequestedFor(urlPathMatching(CloudStubs.STATEMENTS + "/ph[a-z0-9.-]*-routing")));
            wm.getWireMock().removeStubMapping(eastGone); // east is back for the undeploy
            deployment.close();
        }
    }

    @Test
    void withoutBothAllowancesTheDrillIsRefusedBeforeItChangesAnything(WireMockRuntimeInfo wm) throws Exception {
        stubs(wm);
        Map<String, String> notAllowed = CloudStubs.twoRegions(wm.getHttpBaseUrl());
        Map<String, String> allowedElsewhere = CloudStubs.twoRegions(wm.getHttpBaseUrl());
        allowedElsewhere.put(CloudKeys.ALLOW_DESTRUCTIVE, "true");
        allowedElsewhere.put(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, "env-staging");
        for (Map<String, String> settings : List.of(notAllowed, allowedElsewhere)) {
            wm.getWireMock().resetRequests();
            wm.getWireMock().resetScenarios();
            try (CloudTopology topology = topology(settings)) {
                topology.start();
                Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
                int deployed = topology.calls().calls().size();
                RegionFailover failover = topology.capability(RegionFailover.class).orElseThrow();

                assertThatThrownBy(() -> failover.prepare(deployment, "east", "west", List.of("filtered_loan_events"),
                        BOUND)).isInstanceOf(DestructiveOperationRefused.class)
                        .hasMessageContaining("the region failover drill of link east-to-west-link")
                        .hasMessageContaining(settings == notAllowed ? "set pipeline-harness.cloud.allow-destructive=true"
                                : "is not on the allow-list");
                assertThatThrownBy(() -> failover.takeDown("east")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("prepare it first");

                assertThat(topology.calls().calls()).hasSize(deployed);
                assertThat(kafka.calls).isEmpty();
                wm.getWireMock().verifyThat(0, postRequestedFor(urlPathMatching(".*mirrors:failover")));
                wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS)));
                wm.getWireMock().verifyThat(0, putRequestedFor(anyUrl()));
                wm.getWireMock().verifyThat(0, deleteRequestedFor(anyUrl()));
                deployment.close();
            }
        }
    }

    @Test
    void withOneRegionOrNoLinkThereIsNoDrill(WireMockRuntimeInfo wm) {
        Map<String, String> noLink = CloudStubs.twoRegions(wm.getHttpBaseUrl());
        noLink.remove(CloudKeys.LINK_NAME);
        for (Map<String, String> settings : List.of(CloudStubs.settings(wm.getHttpBaseUrl()), noLink)) {
            try (CloudTopology topology = topology(settings)) {
                assertThat(topology.capability(RegionFailover.class)).isEmpty();
                assertThat(topology.supportedFaults()).doesNotContain(RegionFailover.FAULT_KIND);
            }
        }
    }

    @Test
    void planModeListsEveryCallOfTheDrillWithSecretsMaskedAndChangesNothing(WireMockRuntimeInfo wm) throws Exception {
        stubs(wm);
        Map<String, String> settings = CloudStubs.twoRegions(wm.getHttpBaseUrl());
        settings.put(CloudKeys.PLAN, "true"); // and no allowance: a plan changes nothing, so it may be made
        try (CloudTopology topology = topology(settings)) {
            topology.start();
            assertThatThrownBy(() -> topology.deploy(CloudStubs.routingPipeline(), NAMESPACE))
                    .isInstanceOf(ScenarioSkipped.class).hasMessageContaining("nothing was created");
        }
        for (var changing : List.of(postRequestedFor(anyUrl()), putRequestedFor(anyUrl()), deleteRequestedFor(anyUrl()),
                patchRequestedFor(anyUrl()))) {
            wm.getWireMock().verifyThat(0, changing);
        }
        assertThat(kafka.calls).as("no Kafka client is used in a plan").isEmpty();
        String base = wm.getHttpBaseUrl();
        List<String> plan = Files.readAllLines(work.resolve("cloud-plan.txt"));
        assertThat(String.join("\n", plan))
                .contains("region-outage east -> west")
                .contains("PLANNED GUARD the region failover drill of link east-to-west-link")
                .contains("a live run would refuse it")
                .contains("SENT    GET " + base + CloudStubs.WEST_LINK + "/configs/consumer.offset.sync.enable")
                .contains("PLANNED POST " + base + CloudStubs.WEST_LINK + "/mirrors:failover")
                .contains("PLANNED KAFKA west pkc-west.aws.confluent.cloud:9092 [-] (read the end offsets of")
                .contains("PLANNED POST " + base + CloudStubs.STATEMENTS + " [Flink SQL (west) key from pipeline-harness.cloud.flink.west.api-key")
                .contains("\"sql.current-database\":\"west-cluster\"")
                .doesNotContain(CloudStubs.CANARY).doesNotContain(CloudStubs.WEST_CANARY).doesNotContain("west-kafka-secret-1");
        // in the order the drill runs: promote, read the cutover, stop east's statement, start west's, then remove it
        assertThat(indexOf(plan, "mirrors:failover")).isLessThan(indexOf(plan, "read the end offsets"));
        assertThat(indexOf(plan, "read the end offsets")).isLessThan(indexOf(plan, "PLANNED DELETE " + base
                + CloudStubs.STATEMENTS + "/ph"));
        assertThat(indexOf(plan, "\"sql.current-database\":\"west-cluster\""))
                .isLessThan(indexOf(plan, "-west [Flink SQL (west) key from pipeline-harness.cloud.flink.west"));
    }

    @Test
    void aCanarySecretNeverAppearsInTheDrillsCallsEvidenceReportOrOutput(WireMockRuntimeInfo wm) throws Exception {
        stubs(wm);
        Map<String, String> settings = allowed(wm);
        settings.put(CloudKeys.kafka("west", "api-secret"), CloudStubs.CANARY + "-west-kafka");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Drill drill;
        List<RecordedCall> calls;
        try (CloudTopology topology = topology(settings)) {
            topology.start();
            Deployment deployment = topology.deploy(CloudStubs.routingPipeline(), NAMESPACE);
            eastStatementProcessed(wm, deployment.topic("raw_business_events"));
            drill = drill(topology, topology.capability(RegionFailover.class).orElseThrow(), deployment);
            deployment.close();
            calls = topology.calls().calls();
            topology.calls().write(work.resolve("calls.txt"));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        List<String> texts = new ArrayList<>();
        calls.forEach(call -> texts.add(call.line()));
        texts.addAll(List.of(drill.prepared, drill.outage.toString(), drill.healed, drill.report.toString(),
                output.toString(StandardCharsets.UTF_8)));
        texts.addAll(drill.report.steps());
        for (String secret : List.of(CloudStubs.CANARY, CloudStubs.WEST_CANARY)) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
            CloudTopologyStubbedEndToEndTest.assertNoFileHolds(work, secret);
        }
        // the secret did reach the API it is for, and only as the Basic header
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo(CloudStubs.STATEMENTS))
                .withHeader("Authorization", matching("Basic .+")));
    }

    /** The four steps as the region-outage fault runs them, with what each returned. */
    private Drill drill(CloudTopology topology, RegionFailover failover, Deployment deployment) throws Exception {
        RegionSwitch producers = new RegionSwitch();
        AtomicReference<List<String>> atSwitch = new AtomicReference<>();
        producers.onSwitch(region -> {
            List<String> seen = new ArrayList<>(changes(topology));
            seen.addAll(kafka.calls);
            atSwitch.set(seen);
        });
        String prepared = failover.prepare(deployment, "east", "west", List.of("filtered_loan_events"), BOUND);
        Outage outage = failover.takeDown("east");
        List<String> told = new ArrayList<>();
        FailoverReport report = failover.failover(deployment, outage, "west", producers, told::add, BOUND);
        String healed = failover.bringBack("east", BOUND);
        assertThat(producers.region()).contains("west");
        return new Drill(prepared, outage, report, told, healed, atSwitch, changes(topology));
    }

    private record Drill(String prepared, Outage outage, FailoverReport report, List<String> told, String healed,
                         AtomicReference<List<String>> atSwitch, List<String> changes) {
    }

    /** Every changing call so far as {@code METHOD /path}. */
    private static List<String> changes(CloudTopology topology) {
        return topology.calls().calls().stream().filter(RecordedCall::sent)
                .map(call -> call.method() + " " + java.net.URI.create(call.uri()).getPath()).toList();
    }

    private static String eastStatement(Deployment deployment) {
        return dev.pipelineharness.cloud.config.HarnessNames.statementName(deployment.namespace().prefix() + "1-routing");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line of the plan contains " + text + ":\n" + String.join("\n", lines));
    }

    private static void stubs(WireMockRuntimeInfo wm) {
        CloudStubs.environment(wm.getWireMock());
        CloudStubs.drRegion(wm.getWireMock());
    }

    /** East's statement, until deleted, reports what it processed of {@code raw}. */
    private static void eastStatementProcessed(WireMockRuntimeInfo wm, String raw) {
        wm.getWireMock().register(get(urlPathMatching(CloudStubs.STATEMENTS + "/ph[a-z0-9.-]*-routing")).atPriority(1)
                .inScenario("flink").whenScenarioStateIs("running")
                .willReturn(okJson(CloudStubs.statementWithOffsets("RUNNING", raw, PROCESSED))));
    }

    private static Map<String, String> allowed(WireMockRuntimeInfo wm) {
        Map<String, String> settings = new HashMap<>(CloudStubs.twoRegions(wm.getHttpBaseUrl()));
        settings.put(CloudKeys.ALLOW_DESTRUCTIVE, "true");
        settings.put(CloudKeys.DESTRUCTIVE_ENVIRONMENTS, "env-staging," + CloudStubs.ENV);
        return settings;
    }

    private CloudTopology topology(Map<String, String> settings) {
        TopologySettings topologySettings = new TopologySettings(work, false, BOUND, settings);
        return new CloudTopology(topologySettings, CloudConfig.from(topologySettings), endpoints -> {
            kafka = new RecordingRegionKafka(endpoints);
            return kafka;
        });
    }
}
