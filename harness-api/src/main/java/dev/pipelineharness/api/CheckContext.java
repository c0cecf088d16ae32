package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a {@link Check} works with: the deployment to read outputs from and the scenario's store. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckContext {

    Deployment deployment();

    ScenarioStore store();
}
