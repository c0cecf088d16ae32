package dev.pipelineharness.cloud.flink;

import dev.pipelineharness.cloud.http.ApiCredentials;
import java.net.URI;

/** Where Flink statements go: the regional endpoint, organization, environment, compute pool and catalog. */
public record FlinkSettings(URI endpoint, String organizationId, String environmentId, String computePoolId,
                            String catalog, String database, ApiCredentials credentials) {

    URI statements(String suffix) {
        return URI.create(endpoint.toString().replaceAll("/+$", "") + "/sql/v1/organizations/" + organizationId
                + "/environments/" + environmentId + "/statements" + suffix);
    }
}
