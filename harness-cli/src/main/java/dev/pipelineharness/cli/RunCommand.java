package dev.pipelineharness.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Run scenarios: validate them, start the topology once, run each, write the reports.")
final class RunCommand implements Callable<Integer> {

    private final HarnessCli.Context context;

    @Mixin
    ScenarioSelection selection = new ScenarioSelection();

    @Mixin
    RunOptions options = new RunOptions();

    RunCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = selection.parameters();
        options.applyTo(parameters);
        return new RunExecution(context.out(), context.err(), context.console())
                .run(selection, selection.selectors(), parameters, context.interrupts());
    }
}
