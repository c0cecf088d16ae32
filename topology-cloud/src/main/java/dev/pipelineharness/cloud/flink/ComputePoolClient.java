package dev.pipelineharness.cloud.flink;

import dev.pipelineharness.cloud.http.ApiCredentials;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.net.URI;
import java.time.Duration;

/**
 * The compute pool the statements run on (FCPM API v2, Cloud API key): the topology targets an
 * existing pool and, at start, waits until it is {@code PROVISIONED}; a {@code FAILED} pool is the error.
 */
public final class ComputePoolClient {

    private final CloudHttp http;
    private final CloudWait wait;
    private final URI pool;
    private final ApiCredentials credentials;

    public ComputePoolClient(CloudHttp http, CloudWait wait, URI apiUrl, String poolId, String environmentId,
                             ApiCredentials credentials) {
        this.http = http;
        this.wait = wait;
        this.pool = URI.create(apiUrl.toString().replaceAll("/+$", "") + "/fcpm/v2/compute-pools/" + poolId
                + "?environment=" + environmentId);
        this.credentials = credentials;
    }

    public String phase() {
        return http.get(pool, credentials).body().path("status").path("phase").asText("");
    }

    public void awaitProvisioned(String poolId, Duration timeout) {
        wait.until("Flink compute pool " + poolId + " to be PROVISIONED", timeout, () -> {
            String phase = phase();
            if ("FAILED".equals(phase)) {
                throw new IllegalStateException("Flink compute pool " + poolId + " is FAILED: statements cannot run "
                        + "(pipeline-harness.cloud.flink.compute-pool-id)");
            }
            return phase;
        }, "PROVISIONED"::equals, phase -> phase);
    }
}
