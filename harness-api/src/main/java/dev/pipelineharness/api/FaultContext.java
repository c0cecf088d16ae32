package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a {@link Fault} acts on: the topology (through its capabilities) and the scenario's deployment. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaultContext {

    Topology topology();

    Deployment deployment();

    ScenarioStore store();

    /**
     * Records what the topology showed after an injection or a heal ({@code kafka.east: STOPPED},
     * {@code flink->kafka: cut, 0 open connections}), on the run's timeline and in the reports.
     */
    void evidence(String observation);
}
