package dev.pipelineharness.cli;

import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.reports.ReportFiles;
import dev.pipelineharness.reports.RunRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoverySelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a recorded run again: the same scenario files (so the same fault schedule), the same seed override,
 * topology and parallelism. Without an override the seeds come from the files, as they did; a file whose
 * seed has changed since is named, because its data will differ.
 */
@Command(name = "replay", description = "Run a recorded run again: same scenarios, seeds and fault schedule (runs are kept in <report-dir>/runs).")
final class ReplayCommand implements Callable<Integer> {

    private final HarnessCli.Context context;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "The run to replay, such as r0c4ap (see the report's title).")
    String runId;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = {"-D", "--config"}, paramLabel = "KEY=VALUE", description = "Any configuration parameter.")
    Map<String, String> configuration = new LinkedHashMap<>();

    ReplayCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>(configuration);
        options.applyTo(parameters);
        Path reportDir = options.reportDir(parameters);
        RunRecord recorded = ReportFiles.run(reportDir, runId).orElseThrow(() ->
                new ScenarioSelection.BadInput("run " + runId + " is not recorded in " + reportDir.resolve(ReportFiles.RUNS)));
        RecordedRuns.settingsOf(recorded, parameters);
        List<DiscoverySelector> selectors = RecordedRuns.selectors(recorded, scenario -> true);
        ScenarioSelection selection = new ScenarioSelection();
        warnAboutChangedSeeds(recorded, Discovery.of(selection.request(selectors, parameters)), parameters);
        context.out().println("replaying run " + recorded.runId() + ": " + selectors.size() + " scenario file(s)"
                + (recorded.seedOverride() != null ? ", seed " + recorded.seedOverride() : ", the files' seeds"));
        return new RunExecution(context.out(), context.err(), context.console())
                .run(selection, selectors, parameters, context.interrupts());
    }

    private void warnAboutChangedSeeds(RunRecord recorded, Discovery now, Map<String, String> parameters) {
        HarnessConfiguration configuration = HarnessConfiguration.from(parameters);
        for (ScenarioDescriptor scenario : now.scenarios()) {
            long seed = configuration.seedOf(scenario.definition().seed());
            recorded.scenarios().stream()
                    .filter(record -> record.name().equals(scenario.definition().name()) && record.seed() != seed)
                    .forEach(record -> context.err().println("pipeline-harness: '" + record.name() + "' ran with seed "
                            + record.seed() + " in " + recorded.runId() + " but its file now gives " + seed
                            + ": its data will differ (replay with --seed " + record.seed() + " to use the old one)"));
        }
    }
}
