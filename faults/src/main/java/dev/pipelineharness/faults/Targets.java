package dev.pipelineharness.faults;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.ConnectorComponents;
import dev.pipelineharness.api.control.Scope;
import dev.pipelineharness.api.control.TopologyControl;
import dev.pipelineharness.api.support.Suggestions;
import java.util.List;
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

    /**
     * A connector target ({@code connect.<name>}) must name one of the pipeline's connectors: refused
     * at load time, with file, line and the connectors it has. Other names, or no pipeline to check
     * against, pass.
     */
    Targets requireConnectorOf(DefinitionContext definition) {
        var connector = ConnectorComponents.connectorOf(name);
        if (connector.isEmpty() || definition.pipeline().isEmpty()) {
            return this;
        }
        List<String> known = definition.connectorNames();
        if (!known.contains(connector.get())) {
            List<String> components = known.stream().map(ConnectorComponents::name).toList();
            throw new ScenarioDefinitionException(location, field, "pipeline '" + definition.pipeline().get().name()
                    + "' has no connector '" + connector.get() + "'" + Suggestions.didYouMean(name, components)
                    + (known.isEmpty() ? "; it has no connectors" : "; its connectors are " + String.join(", ", components))
                    + " (a connector is named by its file's \"name\", without ${namespace})");
        }
        return this;
    }

    boolean shared(Topology topology) {
        return topology.capability(TopologyControl.class).map(control -> control.scopeOf(name) == Scope.SHARED)
                .orElse(true);
    }
}
