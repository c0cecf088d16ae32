package dev.pipelineharness.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.ScenarioSkipped;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.TopologySettings;
import dev.pipelineharness.cloud.config.CloudKeys;
import dev.pipelineharness.cloud.pipeline.CloudPipeline;
import dev.pipelineharness.engine.pipeline.PipelineLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped reference pipelines (scenarios/pipelines) as the cloud topology reads them: each is
 * valid for the cloud with its {@code cloud/} overrides, and deploys in plan mode against the stubs
 * with every placeholder filled. What this cannot prove here is that Confluent Cloud accepts the
 * SQL and the connector keys: that needs a real environment (docs/topologies.md, cloud).
 */
@WireMockTest
class ReferencePipelinesOnCloudTest {

    private static final Path PIPELINES = Path.of("../scenarios/pipelines").toAbsolutePath().normalize();
    private static final String DB_PASSWORD = "pg-canary-9d1e";

    @TempDir
    Path work;

    static Stream<String> referencePipelines() throws IOException {
        try (Stream<Path> folders = Files.list(PIPELINES)) {
            List<String> names = folders.filter(folder -> Files.isRegularFile(folder.resolve(PipelineLoader.DEFINITION_FILE)))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
            assertThat(names).contains("business-routing", "business-routing-avro", "personalization", "revenue");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencePipelines")
    void validatesForTheCloudWithItsOverrides(String name) {
        PipelineDefinition pipeline = new PipelineLoader().load(PIPELINES.resolve(name));

        CloudPipeline cloud = CloudPipeline.of(pipeline);

        assertThat(cloud.connectors()).extracting(PipelineFile::text)
                .allSatisfy(text -> assertThat(text).doesNotContain("io.debezium", "dev.pipelineharness.connect"));
        assertThat(cloud.flinkStatements()).extracting(CloudPipeline.FlinkStatement::sql)
                .allSatisfy(sql -> assertThat(sql).doesNotContainPattern("'connector'\\s*=").doesNotContain("TEMPORARY VIEW"));
        assertThat(cloud.flinkStatements()).anyMatch(CloudPipeline.FlinkStatement::runsContinuously);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencePipelines")
    void deploysInPlanModeWithEveryPlaceholderFilledAndNoSecretInThePlan(String name, WireMockRuntimeInfo wm)
            throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> settings = new HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.put(CloudKeys.PLAN, "true");
        settings.put(CloudKeys.POSTGRES_HOST, "aurora.example.internal");
        settings.put(CloudKeys.POSTGRES_DATABASE, "app");
        settings.put(CloudKeys.POSTGRES_USER, "harness");
        settings.put(CloudKeys.POSTGRES_PASSWORD, DB_PASSWORD);
        settings.put(CloudKeys.AWS_REGION, "us-east-1");
        PipelineDefinition pipeline = new PipelineLoader().load(PIPELINES.resolve(name));
        CloudPipeline cloud = CloudPipeline.of(pipeline);

        try (Topology topology = new CloudTopologyProvider().create(
                new TopologySettings(work, false, Duration.ofSeconds(20), settings))) {
            topology.start();
            assertThatThrownBy(() -> topology.deploy(pipeline, new Namespace("r1abcd", name.replace('-', '_'))))
                    .isInstanceOf(ScenarioSkipped.class).hasMessageStartingWith("plan mode: ");
        }

        List<String> plan = Files.readAllLines(work.resolve("cloud-plan.txt"));
        assertThat(String.join("\n", plan)).doesNotContain("${").doesNotContain(CloudStubs.CANARY)
                .doesNotContain(DB_PASSWORD);
        String statements = "PLANNED POST " + wm.getHttpBaseUrl() + CloudStubs.STATEMENTS + " ";
        long submitted = cloud.flinkStatements().stream().filter(s -> !s.sql().startsWith("SET ")).count();
        assertThat(plan).filteredOn(line -> line.startsWith(statements)).hasSize((int) submitted);
        assertThat(plan).filteredOn(line -> line.startsWith("PLANNED POST " + wm.getHttpBaseUrl() + CloudStubs.CONNECTORS + " "))
                .hasSize(cloud.connectors().size());
        // a topic a CREATE TABLE makes is left to that statement: the harness creates only the others
        String topics = "PLANNED POST " + wm.getHttpBaseUrl() + "/kafka/v3/clusters/lkc-east/topics ";
        assertThat(plan).filteredOn(line -> line.startsWith(topics))
                .hasSize(pipeline.topics().size() - cloud.flinkCreatedTopics().size());
        for (String created : cloud.flinkCreatedTopics()) {
            assertThat(plan).filteredOn(line -> line.startsWith(topics))
                    .noneMatch(line -> line.contains("\"topic_name\":\"ph") && line.contains("_" + created + "\""));
        }
    }

    @Test
    void theFlinkCreatedTablesComeBeforeTheConnectorsAndTheInsertsAfter(WireMockRuntimeInfo wm) throws Exception {
        CloudStubs.environment(wm.getWireMock());
        Map<String, String> settings = new HashMap<>(CloudStubs.settings(wm.getHttpBaseUrl()));
        settings.put(CloudKeys.PLAN, "true");
        settings.put(CloudKeys.POSTGRES_HOST, "aurora.example.internal");
        settings.put(CloudKeys.POSTGRES_DATABASE, "app");
        settings.put(CloudKeys.POSTGRES_USER, "harness");
        settings.put(CloudKeys.POSTGRES_PASSWORD, DB_PASSWORD);
        PipelineDefinition pipeline = new PipelineLoader().load(PIPELINES.resolve("revenue"));

        try (Topology topology = new CloudTopologyProvider().create(
                new TopologySettings(work, false, Duration.ofSeconds(20), settings))) {
            topology.start();
            assertThatThrownBy(() -> topology.deploy(pipeline, new Namespace("r1abcd", "revenue")))
                    .isInstanceOf(ScenarioSkipped.class);
        }

        List<String> plan = Files.readAllLines(work.resolve("cloud-plan.txt"));
        int lastCreateTable = lastIndex(plan, line -> line.contains("CREATE TABLE"));
        int firstConnector = firstIndex(plan, line -> line.startsWith("PLANNED POST") && line.contains("/connectors "));
        int firstInsert = firstIndex(plan, line -> line.startsWith("PLANNED POST") && line.contains("INSERT INTO"));
        assertThat(lastCreateTable).isLessThan(firstConnector);
        assertThat(firstConnector).isLessThan(firstInsert);
    }

    @Test
    void aReferencePipelineWithoutItsCloudFolderIsRefusedNamingTheFileTheLineAndTheOverride(@TempDir Path copy)
            throws IOException {
        Path folder = copy.resolve("business-routing");
        copyWithout(PIPELINES.resolve("business-routing"), folder, "cloud");
        PipelineDefinition pipeline = new PipelineLoader().load(folder);

        assertThatThrownBy(() -> CloudPipeline.of(pipeline))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageMatching("(?s).*flink/routing\\.sql:\\d+:\\d+: .*lacks its cloud override cloud/flink/routing\\.sql.*");
    }

    private static void copyWithout(Path from, Path to, String skipped) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith(skipped)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static int firstIndex(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line in the plan:\n" + String.join("\n", lines));
    }

    private static int lastIndex(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line in the plan:\n" + String.join("\n", lines));
    }
}
