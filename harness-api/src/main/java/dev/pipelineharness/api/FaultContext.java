package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a {@link Fault} acts on: the topology (through its capabilities) and the scenario's deployment. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaultContext {

    Topology topology();

    Deployment deployment();

    ScenarioStore store();
}
