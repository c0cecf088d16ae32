package dev.pipelineharness.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * allure-junit-platform writes the results (it listens to the engine like to any other); the labels,
 * steps and attachments come from {@link AllureRunListener}, also with scenarios running in parallel.
 */
class AllureResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checksGetSuiteLabelsStepsPerPhaseAndTheDiffAttached(@TempDir Path reportDir) throws IOException {
        FakeRuns.run(reportDir, "red/routing.scenario.yaml", "green/smoke.scenario.yaml", "green/docker.scenario.yaml");

        JsonNode failed = results("Routing under a paused broker").stream()
                .filter(result -> result.path("status").asText().equals("failed")).findFirst().orElseThrow();
        assertThat(labels(failed, "suite")).containsExactly("red");
        assertThat(labels(failed, "subSuite")).containsExactly("Routing under a paused broker");
        assertThat(labels(failed, "tag")).contains("smoke", "routing");
        assertThat(labels(failed, "severity")).containsExactly("critical");
        List<String> steps = new ArrayList<>();
        failed.path("steps").forEach(step -> steps.add(step.path("name").asText()));
        assertThat(steps).anyMatch(step -> step.startsWith("deploying"))
                .anyMatch(step -> step.startsWith("generate[0].counter"))
                .anyMatch(step -> step.startsWith("fault pause: pause east"))
                .anyMatch(step -> step.startsWith("check routed: filtered_loan_events"));
        JsonNode checkStep = failed.path("steps").get(steps.size() - 1);
        assertThat(checkStep.path("attachments").get(0).path("name").asText()).isEqualTo("diff");
        assertThat(failed.path("attachments")).anyMatch(attachment -> attachment.path("name").asText().equals("timeline"));
        String diff = Files.readString(resultsDir().resolve(checkStep.path("attachments").get(0).path("source").asText()));
        assertThat(diff).contains("channel: expected web, observed app");
    }

    @Test
    void withScenariosInParallelEachCheckGetsTheStepsOfItsOwnScenario(@TempDir Path reportDir) throws IOException {
        FakeRuns.run(reportDir, Map.of("pipeline-harness.parallelism", "2"),
                "red/routing.scenario.yaml", "green/smoke.scenario.yaml");
        String runId = ReportFiles.lastRun(reportDir).orElseThrow().runId();

        List<JsonNode> smoke = results("Smoke").stream().filter(result -> fullNameOf(result).contains("smoke.scenario.yaml")
                && stepsOf(result).stream().anyMatch(step -> step.startsWith("check fake-check: min 10"))).toList();
        assertThat(smoke).isNotEmpty().allSatisfy(result -> assertThat(stepsOf(result))
                .noneMatch(step -> step.startsWith("fault")).noneMatch(step -> step.contains("routed")));
        List<JsonNode> routing = results("Routing under a paused broker");
        assertThat(routing).allSatisfy(result -> assertThat(stepsOf(result))
                .noneMatch(step -> step.contains("min 10")));
        assertThat(runId).isNotBlank();
    }

    private static String fullNameOf(JsonNode result) {
        return result.path("fullName").asText();
    }

    private static List<String> stepsOf(JsonNode result) {
        List<String> steps = new ArrayList<>();
        result.path("steps").forEach(step -> steps.add(step.path("name").asText()));
        return steps;
    }

    @Test
    void skippedScenarioAppearsSkippedWithItsReason(@TempDir Path reportDir) throws IOException {
        FakeRuns.run(reportDir, "green/docker.scenario.yaml");

        assertThat(allResults()).filteredOn(result -> result.path("name").asText().equals("fake-check: min 0"))
                .anySatisfy(result -> {
                    assertThat(result.path("status").asText()).isEqualTo("skipped");
                    assertThat(result.path("statusDetails").path("message").asText()).contains("not available");
                });
    }

    private static Path resultsDir() {
        return Path.of(System.getProperty("allure.results.directory", "allure-results"));
    }

    private static List<JsonNode> allResults() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(resultsDir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                results.add(JSON.readTree(file.toFile()));
            }
        }
        return results;
    }

    private static List<JsonNode> results(String subSuite) throws IOException {
        return allResults().stream().filter(result -> labels(result, "subSuite").contains(subSuite)).toList();
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(label -> {
            if (label.path("name").asText().equals(name)) {
                values.add(label.path("value").asText());
            }
        });
        return values;
    }
}
