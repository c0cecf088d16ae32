package dev.pipelineharness.testkit;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.engine.PipelineHarnessTestEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs whole scenario files through the pipeline-harness engine with JUnit's {@link EngineTestKit},
 * so a provider can be tested inside a real scenario and its events asserted
 * ({@code results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0))}).
 * Check timings are short by default, for topologies that answer at once.
 */
public final class ScenarioKit {

    private final Map<String, String> configuration = new LinkedHashMap<>();

    private ScenarioKit(String topology) {
        configuration.put(Constants.TOPOLOGY_PROPERTY_NAME, topology);
        configuration.put(Constants.CHECK_POLL_INTERVAL_PROPERTY_NAME, "20ms");
        configuration.put(Constants.CHECK_CONFIRM_PROPERTY_NAME, "100ms");
        configuration.put(Constants.REPORTS_DIR_PROPERTY_NAME, "target/harness-test");
    }

    /** Scenarios on the topology named {@code topology} (a provider on the test classpath). */
    public static ScenarioKit on(String topology) {
        return new ScenarioKit(topology);
    }

    /** Any {@code pipeline-harness.*} configuration parameter. */
    public ScenarioKit configuration(String key, String value) {
        configuration.put(key, value);
        return this;
    }

    public EngineExecutionResults run(DiscoverySelector... selectors) {
        EngineTestKit.Builder builder = EngineTestKit.engine(new PipelineHarnessTestEngine());
        configuration.forEach(builder::configurationParameter);
        return builder.selectors(selectors).execute();
    }

    /** Runs one scenario file. */
    public EngineExecutionResults runFile(Path scenarioFile) {
        return run(DiscoverySelectors.selectFile(scenarioFile.toFile()));
    }
}
