package dev.pipelineharness.faults;

import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.api.support.Suggestions;
import java.util.Set;
import java.util.TreeSet;

/** The component or link a fault names, checked against what the topology offers. */
record Targets(String name, Location location, String field) {

    static TopologyControl control(Topology topology) {
        return topology.capability(TopologyControl.class).orElseThrow(() -> new IllegalStateException(
                "topology '" + topology.name() + "' offers no components or links to fault"));
    }

    static TopologyControl control(FaultContext context) {
        return control(context.topology());
    }

    /** Refuses a name the topology does not have, naming the file, line and the known names. */
    void requireIn(Set<String> known, java.util.function.Predicate<String> has, String kind, Topology topology) {
        if (!has.test(name)) {
            throw new ScenarioDefinitionException(location, field, "topology '" + topology.name() + "' has no " + kind
                    + " '" + name + "'" + Suggestions.didYouMean(name, known) + "; it has " + String.join(", ",
                    new TreeSet<>(known)));
        }
    }

    boolean shared(Topology topology) {
        return topology.capability(TopologyControl.class).map(control -> control.scopeOf(name) == Scope.SHARED)
                .orElse(true);
    }
}
