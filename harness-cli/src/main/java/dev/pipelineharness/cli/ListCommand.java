package dev.pipelineharness.cli;

import dev.pipelineharness.engine.config.HarnessConfiguration;
import dev.pipelineharness.engine.descriptor.ScenarioDescriptor;
import dev.pipelineharness.engine.scenario.CheckStep;
import dev.pipelineharness.engine.scenario.FaultStep;
import dev.pipelineharness.engine.scenario.GeneratorStep;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List scenarios with their tags, generators, faults and checks; starts nothing.")
final class ListCommand implements Callable<Integer> {

    private final HarnessCli.Context context;

    @Mixin
    ScenarioSelection selection = new ScenarioSelection();

    ListCommand(HarnessCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = selection.parameters();
        Discovery discovery = Discovery.of(selection.request(selection.selectors(), parameters));
        HarnessConfiguration configuration = HarnessConfiguration.from(parameters);
        int checks = 0;
        TreeSet<String> tags = new TreeSet<>();
        for (ScenarioDescriptor scenario : discovery.scenarios()) {
            ScenarioDefinition definition = scenario.definition();
            tags.addAll(definition.tags());
            checks += definition.checks().size();
            context.out().println(definition.name() + "  (" + scenario.origin().displayName() + ")");
            context.out().println("    tags " + (definition.tags().isEmpty() ? "-" : String.join(", ", definition.tags()))
                    + " | topology " + definition.topology() + " | seed " + configuration.seedOf(definition.seed()));
            for (GeneratorStep generator : definition.generators()) {
                context.out().println("    generate  " + generator.generator().describe());
            }
            for (FaultStep fault : definition.faults()) {
                context.out().println("    fault     " + fault.fault().describe() + " at " + fault.at().toMillis() + "ms"
                        + fault.duration().map(d -> " for " + d.toMillis() + "ms").orElse(""));
            }
            for (CheckStep check : definition.checks()) {
                context.out().println("    check     " + check.check().describe());
            }
        }
        context.out().println(discovery.scenarios().size() + " scenario(s), " + checks + " check(s), tags: "
                + (tags.isEmpty() ? "-" : String.join(", ", tags)));
        if (!discovery.malformed().isEmpty()) {
            new RunExecution(context.out(), context.err(), context.console()).printMalformed(discovery.malformed());
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.GREEN;
    }
}
