package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUri;

import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** Discovery by every kind of selector, and the tree it builds: scenario containers, check tests, sources, tags. */
class DiscoveryTest {

    private static final Path SCENARIOS = Path.of("src/test/resources/dev/pipelineharness/engine/scenarios");

    private static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
        return HarnessKit.engine(Map.of()).selectors(selectors).discover();
    }

    private static List<String> scenarioNames(EngineDiscoveryResults results) {
        return results.getEngineDescriptor().getChildren().stream().map(TestDescriptor::getDisplayName).sorted().toList();
    }

    @Test
    void classpathResourceGivesOneContainerWithOneTestPerCheck() {
        TestDescriptor scenario = discover(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"))
                .getEngineDescriptor().getChildren().iterator().next();

        assertThat(scenario.getDisplayName()).isEqualTo("Smoke");
        assertThat(scenario.isContainer()).isTrue();
        assertThat(scenario.getSource()).contains(ClasspathResourceSource.from(
                HarnessKit.BASE + "scenarios/smoke.scenario.yaml", FilePosition.from(1, 1)));
        assertThat(scenario.getTags()).containsExactly(TestTag.create("smoke"));
        assertThat(scenario.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("fake-check: filtered_loan_events", "fake-check: filtered_car_events", "fake-check: min 0");
        assertThat(scenario.getChildren()).allSatisfy(check -> {
            assertThat(check.isTest()).isTrue();
            assertThat(check.getTags()).containsExactly(TestTag.create("smoke"));
        });
        assertThat(scenario.getChildren().stream().toList().get(2).getSource()).contains(ClasspathResourceSource.from(
                HarnessKit.BASE + "scenarios/smoke.scenario.yaml", FilePosition.from(11, 5)));
    }

    @Test
    void classpathResourceFolderFindsTheScenariosUnderIt() {
        assertThat(scenarioNames(discover(selectClasspathResource("dev/pipelineharness/engine/scenarios"))))
                .containsExactly("Nested", "Slow one", "Smoke");
    }

    @Test
    void packageFindsScenariosInSubpackages() {
        assertThat(scenarioNames(discover(selectPackage("dev.pipelineharness.engine.scenarios"))))
                .containsExactly("Nested", "Slow one", "Smoke");
    }

    @Test
    void classpathRootFindsEveryScenarioFile() {
        Path root = Path.of("target/test-classes");
        EngineDiscoveryResults results = discover(selectClasspathRoots(Set.of(root)).toArray(DiscoverySelector[]::new));
        assertThat(scenarioNames(results)).contains("Nested", "Slow one", "Smoke", "Failing check", "broken-yaml.scenario.yaml");
    }

    @Test
    void directoryAndFileAndUriGiveFileSources() {
        assertThat(scenarioNames(discover(selectDirectory(SCENARIOS.toFile())))).containsExactly("Nested", "Slow one", "Smoke");

        TestDescriptor fromFile = discover(selectFile(SCENARIOS.resolve("slow.scenario.yaml").toFile()))
                .getEngineDescriptor().getChildren().iterator().next();
        assertThat(fromFile.getSource()).contains(FileSource.from(
                SCENARIOS.resolve("slow.scenario.yaml").toAbsolutePath().toFile(), FilePosition.from(1, 1)));

        assertThat(scenarioNames(discover(selectUri(SCENARIOS.resolve("nested").toUri())))).containsExactly("Nested");
        assertThat(scenarioNames(discover(selectUri(SCENARIOS.resolve("slow.scenario.yaml").toUri())))).containsExactly("Slow one");
    }

    @Test
    void filesThatAreNotScenariosAreIgnored() {
        assertThat(discover(selectFile(Path.of("src/test/resources/dev/pipelineharness/engine/pipelines/demo/pipeline.yaml").toFile()))
                .getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void uniqueIdOfAScenarioOrOfOneCheckSelectsJustThat() {
        TestDescriptor smoke = discover(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"))
                .getEngineDescriptor().getChildren().iterator().next();
        UniqueId secondCheck = smoke.getChildren().stream().toList().get(1).getUniqueId();

        TestDescriptor whole = discover(selectUniqueId(smoke.getUniqueId())).getEngineDescriptor().getChildren().iterator().next();
        assertThat(whole.getChildren()).hasSize(3);

        TestDescriptor one = discover(selectUniqueId(secondCheck)).getEngineDescriptor().getChildren().iterator().next();
        assertThat(one.getChildren()).extracting(TestDescriptor::getUniqueId).containsExactly(secondCheck);
        assertThat(one).isInstanceOf(ScenarioDescriptor.class);
    }

    @Test
    void fileUniqueIdRoundTrips() {
        TestDescriptor slow = discover(selectFile(SCENARIOS.resolve("slow.scenario.yaml").toFile()))
                .getEngineDescriptor().getChildren().iterator().next();
        assertThat(scenarioNames(discover(selectUniqueId(slow.getUniqueId())))).containsExactly("Slow one");
    }

    @Test
    void nameFilterKeepsMatchingScenariosOnly() {
        EngineDiscoveryResults results = HarnessKit.engine(Map.of(Constants.SCENARIO_NAME_FILTER_PROPERTY_NAME, "^s"))
                .selectors(selectDirectory(SCENARIOS.toFile())).discover();
        assertThat(scenarioNames(results)).containsExactly("Slow one", "Smoke");
    }

    @Test
    void tagFiltersSelectChecksAndWithThemTheirScenarios() {
        var results = HarnessKit.engine(Map.of()).selectors(selectDirectory(SCENARIOS.toFile()))
                .filters(TagFilter.includeTags("smoke")).execute();
        results.containerEvents().assertStatistics(stats -> stats.started(2)); // engine + Smoke
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        var excluded = HarnessKit.engine(Map.of()).selectors(selectDirectory(SCENARIOS.toFile()))
                .filters(TagFilter.excludeTags("slow")).execute();
        excluded.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4)); // Smoke's 3 + Nested's 1
    }
}
