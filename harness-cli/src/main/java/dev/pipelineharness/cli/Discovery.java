package dev.pipelineharness.cli;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.engine.PipelineHarnessTestEngine;
import dev.pipelineharness.engine.descriptor.MalformedScenarioDescriptor;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Reads and validates the selected scenario files with the engine's own discovery, which starts nothing
 * (no topology, no process): what {@code list} and {@code validate} show, and what {@code run} checks
 * before it starts anything.
 */
record Discovery(List<ScenarioDescriptor> scenarios, List<MalformedScenarioDescriptor> malformed) {

    static Discovery of(LauncherDiscoveryRequest request) {
        TestDescriptor engine = new PipelineHarnessTestEngine().discover(request, UniqueId.forEngine(Constants.ENGINE_ID));
        List<ScenarioDescriptor> scenarios = new ArrayList<>();
        List<MalformedScenarioDescriptor> malformed = new ArrayList<>();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof MalformedScenarioDescriptor bad) {
                malformed.add(bad);
            } else if (child instanceof ScenarioDescriptor scenario && selected(scenario, request)) {
                scenarios.add(scenario);
            }
        }
        return new Discovery(scenarios, malformed);
    }

    /** A scenario is selected when the tag filters keep at least one of its checks (they carry its tags). */
    private static boolean selected(ScenarioDescriptor scenario, LauncherDiscoveryRequest request) {
        List<PostDiscoveryFilter> filters = request.getPostDiscoveryFilters();
        if (filters.isEmpty()) {
            return true;
        }
        for (TestDescriptor check : scenario.getChildren()) {
            boolean kept = true;
            for (Filter<TestDescriptor> filter : filters) {
                FilterResult result = filter.apply(check);
                kept &= result.included();
            }
            if (kept) {
                return true;
            }
        }
        return false;
    }
}
