package dev.pipelineharness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.pipelineharness.engine.fakes.FakeEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code pipeline-harness.topology.keep-for-jvm}: two engine runs in one JVM start the topology once. */
class KeptTopologyTest {

    private static List<String> run() {
        HarnessKit.engine(Map.of(Constants.TOPOLOGY_KEEP_FOR_JVM_PROPERTY_NAME, "true"))
                .selectors(selectClasspathResource(HarnessKit.BASE + "scenarios/smoke.scenario.yaml"))
                .execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        return FakeEvents.all().stream()
                .filter(e -> e.startsWith("create") || e.startsWith("start") || e.startsWith("close fake") || e.startsWith("deploy"))
                .map(e -> e.replaceAll(" r[0-9a-z]{5}_.*", ""))
                .toList();
    }

    @Test
    void theSecondRunUsesTheTopologyTheFirstStartedAndNeitherStopsIt() {
        List<String> first = run();
        List<String> second = run();

        assertThat(first).containsExactly("create fake", "start fake", "deploy demo");
        assertThat(second).containsExactly("deploy demo");
    }
}
