package dev.pipelineharness.engine.execution;

import dev.pipelineharness.api.Topology;
import dev.pipelineharness.engine.scenario.FaultStep;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import java.util.Optional;

/** Whether a scenario must run alone: one of its faults disturbs every scenario on its topology. */
final class Exclusivity {

    private Exclusivity() {
    }

    /** Why the scenario runs alone ({@code fault[0] kill kafka.east disturbs every scenario}), or empty. */
    static Optional<String> reason(ScenarioDefinition definition, Topologies topologies) {
        if (definition.faults().isEmpty()) {
            return Optional.empty();
        }
        Topology topology;
        try {
            if (topologies.unavailableReason(definition.topology()).isPresent()) {
                return Optional.empty();
            }
            topology = topologies.created(definition.topology());
        } catch (RuntimeException e) {
            return Optional.empty(); // the scenario's own execution reports it
        }
        for (int i = 0; i < definition.faults().size(); i++) {
            FaultStep step = definition.faults().get(i);
            if (step.fault().disturbsOtherScenarios(topology)) {
                return Optional.of("fault[" + i + "] " + step.fault().describe() + " disturbs every scenario on topology '"
                        + definition.topology() + "'");
            }
        }
        return Optional.empty();
    }
}
