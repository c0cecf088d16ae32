package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Makes the {@link Check}s of one {@code expect:} entry; found through {@link java.util.ServiceLoader}
 * by {@link #name()}. One entry may stand for several tests ({@code routed} makes one per topic).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckProvider {

    String name();

    List<Check> create(Params params);

    /**
     * Makes the checks knowing the scenario around the entry (its pipeline, its folder); the engine
     * calls this one. Providers whose settings name topics, tables or files override it, so a name
     * the pipeline does not declare is an error at load time.
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    default List<Check> create(Params params, DefinitionContext definition) {
        return create(params);
    }
}
