package dev.pipelineharness.cli;

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
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./harness cloud sweep} end to end: the command line finds topology-cloud's tool at run time
 * and sweeps an environment of stub servers answering as Confluent Cloud's APIs do.
 */
@WireMockTest
class CloudCommandTest {

    private static final String ORG = "org-1";
    private static final String STATEMENTS = "/sql/v1/organizations/" + ORG + "/environments/env-1/statements";
    private static final String CONNECTORS = "/connect/v1/environments/env-1/clusters/lkc-east/connectors";
    /** A run long before these tests were written: older than any limit the tests pass. */
    private static final String OLD = "ph202501010800_r1abcd_smoke";
    private static final String SECRET = "canary-cli-5ecret";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HarnessCli.Context context;

    @BeforeEach
    void plainConsole() {
        context = new HarnessCli.Context(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new RunExecution.Console(false, 120),
                new Interrupts(new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void sweepRemovesOnlyHarnessNamedResourcesOfOldRuns(WireMockRuntimeInfo wm) {
        environment(wm);

        int exit = harness(wm, "cloud", "sweep", "--older-than", "6h");

        assertThat(exit).as(errors()).isZero();
        assertThat(output()).contains("removed Flink statement " + OLD.replace('_', '-') + "-1-routing")
                .contains("removed connector " + OLD + "_postgres_cdc")
                .contains("removed topic on lkc-east " + OLD + "_raw_business_events")
                .contains("cloud sweep: 3 removed, 0 failed");
        wm.getWireMock().verifyThat(3, deleteRequestedFor(anyUrl()));
        wm.getWireMock().verifyThat(0, deleteRequestedFor(urlPathMatching(".*(prod-routing|orders_cdc|/raw_business_events)$")));
        assertThat(output() + errors()).doesNotContain(SECRET);
    }

    @Test
    void sweepPlanListsWhatWouldGoAndDeletesNothing(WireMockRuntimeInfo wm) {
        environment(wm);

        int exit = harness(wm, "cloud", "sweep", "--older-than", "6h", "--plan");

        assertThat(exit).as(errors()).isZero();
        assertThat(output()).contains("would remove Flink statement " + OLD.replace('_', '-') + "-1-routing")
                .contains("cloud sweep: 3 would remove").contains("plan mode, nothing was deleted")
                .doesNotContain("would remove connector orders_cdc");
        wm.getWireMock().verifyThat(0, deleteRequestedFor(anyUrl()));
        assertThat(output() + errors()).doesNotContain(SECRET);
    }

    @Test
    void withoutSettingsTheSweepSaysWhatToSetAndExits2() {
        int exit = HarnessCli.execute(new String[] {"cloud", "sweep", "--older-than", "6h",
                "-D", "pipeline-harness.cloud.environment-id=env-1"}, context);

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors()).contains("missing settings").contains("pipeline-harness.cloud.organization-id");
    }

    @Test
    void anUnknownCloudCommandIsBadInput() {
        assertThat(HarnessCli.execute(new String[] {"cloud", "purge"}, context)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(errors()).contains("unknown command 'purge'");
    }

    private int harness(WireMockRuntimeInfo wm, String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        settings(wm.getHttpBaseUrl()).forEach((key, value) -> args.addAll(List.of("-D", key + "=" + value)));
        return HarnessCli.execute(args.toArray(String[]::new), context);
    }

    private static void environment(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(get(urlEqualTo(STATEMENTS + "?page_size=100")).willReturn(okJson("{\"data\":["
                + statement(OLD.replace('_', '-') + "-1-routing") + "," + statement("prod-routing") + "],\"metadata\":{}}")));
        stub.register(delete(urlPathMatching(STATEMENTS + "/.*")).willReturn(aResponse().withStatus(202)));
        stub.register(get(urlPathMatching(STATEMENTS + "/.+")).willReturn(aResponse().withStatus(404)));
        stub.register(get(urlEqualTo(CONNECTORS)).willReturn(okJson("[\"" + OLD + "_postgres_cdc\",\"orders_cdc\"]")));
        stub.register(delete(urlPathMatching(CONNECTORS + "/.*")).willReturn(aResponse().withStatus(200)));
        stub.register(get(urlEqualTo("/kafka/v3/clusters/lkc-east/topics")).willReturn(okJson("{\"data\":["
                + "{\"topic_name\":\"" + OLD + "_raw_business_events\"},{\"topic_name\":\"raw_business_events\"}]}")));
        stub.register(delete(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.*")).willReturn(aResponse().withStatus(204)));
        stub.register(get(urlPathMatching("/kafka/v3/clusters/lkc-east/topics/.+")).willReturn(aResponse().withStatus(404)));
        stub.register(get(urlPathEqualTo("/subjects")).willReturn(okJson("[]")));
    }

    private static String statement(String name) {
        return "{\"name\":\"" + name + "\",\"spec\":{\"statement\":\"INSERT ...\"},\"status\":{\"phase\":\"RUNNING\"},"
                + "\"metadata\":{\"created_at\":\"2025-01-01T08:00:00Z\",\"resource_version\":\"1\"}}";
    }

    private static Map<String, String> settings(String base) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("pipeline-harness.cloud.environment-id", "env-1");
        settings.put("pipeline-harness.cloud.organization-id", ORG);
        settings.put("pipeline-harness.cloud.api-url", base);
        settings.put("pipeline-harness.cloud.cloud-api-key", "CLOUDKEY");
        settings.put("pipeline-harness.cloud.cloud-api-secret", SECRET);
        settings.put("pipeline-harness.cloud.kafka.east.cluster-id", "lkc-east");
        settings.put("pipeline-harness.cloud.kafka.east.rest-endpoint", base);
        settings.put("pipeline-harness.cloud.kafka.east.bootstrap", "pkc-east:9092");
        settings.put("pipeline-harness.cloud.kafka.east.api-key", "KAFKAKEY");
        settings.put("pipeline-harness.cloud.kafka.east.api-secret", SECRET);
        settings.put("pipeline-harness.cloud.flink.endpoint", base);
        settings.put("pipeline-harness.cloud.flink.api-key", "FLINKKEY");
        settings.put("pipeline-harness.cloud.flink.api-secret", SECRET);
        settings.put("pipeline-harness.cloud.flink.compute-pool-id", "lfcp-1");
        settings.put("pipeline-harness.cloud.flink.catalog", "env");
        settings.put("pipeline-harness.cloud.flink.database", "cluster");
        settings.put("pipeline-harness.cloud.schema-registry.url", base);
        settings.put("pipeline-harness.cloud.schema-registry.api-key", "SRKEY");
        settings.put("pipeline-harness.cloud.schema-registry.api-secret", SECRET);
        settings.put("pipeline-harness.cloud.poll-interval", "10ms");
        settings.put("pipeline-harness.cloud.retry-deadline", "5s");
        return settings;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
