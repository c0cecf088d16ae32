package dev.pipelineharness.cli;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.reports.ReportSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of a run that are not about which scenarios: seed, parallelism, where reports go. */
final class RunOptions {

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Replace every scenario's seed: the same scenarios on other data. Default: each file's seed:.")
    Long seed;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "How many scenarios run at the same time on the shared topology. Default: 1.")
    Integer parallelism;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where the HTML report, run.json and junit.xml go. Default: target/harness-report.")
    Path reportDir;

    void applyTo(Map<String, String> parameters) {
        if (seed != null) {
            parameters.put(Constants.SEED_OVERRIDE_PROPERTY_NAME, Long.toString(seed));
        }
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new ScenarioSelection.BadInput("--parallelism must be at least 1, not " + parallelism);
            }
            parameters.put(Constants.PARALLELISM_PROPERTY_NAME, Integer.toString(parallelism));
        }
        if (reportDir != null) {
            parameters.put(ReportSettings.REPORT_DIR_PROPERTY_NAME, reportDir.toString());
        }
    }

    Path reportDir(Map<String, String> parameters) {
        return Path.of(parameters.getOrDefault(ReportSettings.REPORT_DIR_PROPERTY_NAME, ReportSettings.DEFAULT_REPORT_DIR));
    }
}
