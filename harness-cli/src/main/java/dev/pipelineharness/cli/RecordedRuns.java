package dev.pipelineharness.cli;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.reports.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** Turns scenarios of a recorded run back into selectors and the settings the run had. */
final class RecordedRuns {

    private RecordedRuns() {
    }

    /** The files of the scenarios {@code which} keeps, each once: a path on disk, else a classpath resource. */
    static List<DiscoverySelector> selectors(RunRecord run, Predicate<RunRecord.ScenarioRecord> which) {
        Set<String> files = new LinkedHashSet<>();
        run.scenarios().stream().filter(which).forEach(scenario -> files.add(scenario.file()));
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String file : files) {
            selectors.add(Files.isRegularFile(Path.of(file)) ? DiscoverySelectors.selectFile(file)
                    : DiscoverySelectors.selectClasspathResource(file));
        }
        return selectors;
    }

    /** The recorded run's topology, seed override and parallelism, unless the command line sets them. */
    static void settingsOf(RunRecord run, Map<String, String> parameters) {
        parameters.putIfAbsent(Constants.TOPOLOGY_PROPERTY_NAME, run.topology());
        if (run.seedOverride() != null) {
            parameters.putIfAbsent(Constants.SEED_OVERRIDE_PROPERTY_NAME, Long.toString(run.seedOverride()));
        }
        parameters.putIfAbsent(Constants.PARALLELISM_PROPERTY_NAME, Integer.toString(run.parallelism()));
    }
}
