package dev.pipelineharness.reports;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.pipelineharness.engine.Constants;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs scenario files of this module's test resources on the engine's fake topology through the JUnit
 * Platform launcher, as Surefire or the command line would: every auto-registered listener (the
 * {@link RunRecorder}, Allure) takes part.
 */
final class FakeRuns {

    static final String BASE = "dev/pipelineharness/reports/";

    private FakeRuns() {
    }

    static void run(Path reportDir, String... resources) {
        run(reportDir, Map.of(), resources);
    }

    static void run(Path reportDir, Map<String, String> configuration, String... resources) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameters(configuration)
                .configurationParameters(Map.of(
                        Constants.TOPOLOGY_PROPERTY_NAME, "fake",
                        Constants.CHECK_POLL_INTERVAL_PROPERTY_NAME, "20ms",
                        Constants.CHECK_CONFIRM_PROPERTY_NAME, "100ms",
                        Constants.REPORTS_DIR_PROPERTY_NAME, "target/harness-test",
                        ReportSettings.REPORT_DIR_PROPERTY_NAME, reportDir.toString()));
        Arrays.stream(resources).forEach(resource -> request.selectors(selectClasspathResource(BASE + resource)));
        LauncherFactory.create().execute(request.build());
    }
}
