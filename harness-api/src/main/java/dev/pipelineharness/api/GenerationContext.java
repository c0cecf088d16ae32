package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a {@link Generator} works with while it runs. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GenerationContext {

    /**
     * This generator's seed: derived from the scenario's seed and the generator's position in the
     * scenario, so the same scenario file produces the same bytes on every machine.
     */
    long seed();

    Deployment deployment();

    ScenarioStore store();

    /** Publishes a figure to the run's report (events written, achieved rate, ...). */
    void publish(String key, String value);
}
