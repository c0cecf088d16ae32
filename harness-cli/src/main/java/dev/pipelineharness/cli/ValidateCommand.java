package dev.pipelineharness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", description = "Check scenario files and their pipeline folders; starts nothing. Exit 2 on the first bad file.")
final class ValidateCommand implements Callable<Integer> {

    private final HarnessCli.Context context;

    @Mixin
    ScenarioSelection selection = new ScenarioSelection();

    ValidateCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Discovery discovery = Discovery.of(selection.request(selection.selectors(), selection.parameters()));
        if (!discovery.malformed().isEmpty()) {
            new RunExecution(context.out(), context.err(), context.console()).printMalformed(discovery.malformed());
            return ExitCodes.BAD_INPUT;
        }
        if (discovery.scenarios().isEmpty()) {
            context.err().println("pipeline-harness: no scenario file found");
            return ExitCodes.BAD_INPUT;
        }
        context.out().println(discovery.scenarios().size() + " scenario file(s) valid, with their pipeline folders");
        return ExitCodes.GREEN;
    }
}
