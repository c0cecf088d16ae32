package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Makes a {@link Generator} from a scenario's {@code generate:} entry; found through
 * {@link java.util.ServiceLoader} by {@link #name()} ({@code - business-events: {count: 1000}}).
 *
 * <p>{@link #create} validates every setting and throws {@link ScenarioDefinitionException} (through
 * {@link Params}) on bad input, before anything is started.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GeneratorProvider {

    String name();

    Generator create(Params params);

    /**
     * Makes the generator knowing the scenario around the entry (its pipeline, its folder); the
     * engine calls this one. Providers whose settings name topics, tables or files override it.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    default Generator create(Params params, DefinitionContext definition) {
        return create(params);
    }
}
