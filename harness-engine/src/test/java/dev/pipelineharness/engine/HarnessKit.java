package dev.pipelineharness.engine;

import dev.pipelineharness.engine.fakes.FakeEvents;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the engine from the outside, on the fake topology with short check timings. */
final class HarnessKit {

    static final String BASE = "dev/pipelineharness/engine/";

    private HarnessKit() {
    }

    static EngineTestKit.Builder engine(Map<String, String> configuration) {
        FakeEvents.reset();
        EngineTestKit.Builder builder = EngineTestKit.engine(new PipelineHarnessTestEngine())
                .configurationParameter(Constants.TOPOLOGY_PROPERTY_NAME, "fake")
                .configurationParameter(Constants.CHECK_POLL_INTERVAL_PROPERTY_NAME, "20ms")
                .configurationParameter(Constants.CHECK_CONFIRM_PROPERTY_NAME, "100ms")
                .configurationParameter(Constants.REPORTS_DIR_PROPERTY_NAME, "target/harness-test");
        configuration.forEach(builder::configurationParameter);
        return builder;
    }

    static EngineExecutionResults run(DiscoverySelector... selectors) {
        return engine(Map.of()).selectors(selectors).execute();
    }
}
