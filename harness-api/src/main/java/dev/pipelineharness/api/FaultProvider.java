package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Makes a {@link Fault} from a scenario's {@code faults:} entry (without its {@code at} and
 * {@code for}, which the engine's timeline owns); found through {@link java.util.ServiceLoader}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaultProvider {

    String name();

    Fault create(Params params);

    /**
     * Makes the fault knowing the scenario around the entry (its pipeline); the engine calls this one.
     * Providers whose target follows the pipeline (one of its connectors) override it, so a name the
     * pipeline does not declare is an error at load time.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    default Fault create(Params params, DefinitionContext definition) {
        return create(params);
    }
}
