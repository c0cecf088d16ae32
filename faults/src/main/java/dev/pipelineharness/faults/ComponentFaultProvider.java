package dev.pipelineharness.faults;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Params;

/**
 * What the providers of a fault on one component (kill, pause, restart) share: the fault's name, and
 * that a connector the pipeline does not have ({@code connect.no_such}) is refused at load time.
 */
abstract class ComponentFaultProvider implements FaultProvider {

    private final String name;

    ComponentFaultProvider(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Fault create(Params params, DefinitionContext definition) {
        FaultSettings.component(params).requireConnectorOf(definition);
        return create(params);
    }
}
