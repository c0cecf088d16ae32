package dev.pipelineharness.cli;

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

@Command(name = "rerun-failed", description = "Run again the scenarios that were not green in the last run (read from its run.json).")
final class RerunFailedCommand implements Callable<Integer> {

    private final HarnessCli.Context context;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = {"-D", "--config"}, paramLabel = "KEY=VALUE", description = "Any configuration parameter.")
    Map<String, String> configuration = new LinkedHashMap<>();

    RerunFailedCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>(configuration);
        options.applyTo(parameters);
        Path reportDir = options.reportDir(parameters);
        RunRecord last = ReportFiles.lastRun(reportDir).orElseThrow(() ->
                new ScenarioSelection.BadInput("no recorded run in " + reportDir + " (run ./harness run first)"));
        List<DiscoverySelector> selectors = RecordedRuns.selectors(last, scenario -> !scenario.green());
        if (selectors.isEmpty()) {
            context.out().println("the last run (" + last.runId() + ") had no red scenario: nothing to rerun");
            return ExitCodes.GREEN;
        }
        RecordedRuns.settingsOf(last, parameters);
        context.out().println("rerunning " + selectors.size() + " scenario file(s) that were not green in run " + last.runId());
        return new RunExecution(context.out(), context.err(), context.console())
                .run(new ScenarioSelection(), selectors, parameters, context.interrupts());
    }
}
