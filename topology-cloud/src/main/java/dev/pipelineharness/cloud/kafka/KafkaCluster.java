package dev.pipelineharness.cloud.kafka;

import dev.pipelineharness.cloud.http.ApiCredentials;
import java.net.URI;

/**
 * One region's Kafka cluster as configured: its id ({@code lkc-...}), REST endpoint, bootstrap
 * servers and the cluster API key (REST v3 and the Kafka protocol use the same one).
 */
public record KafkaCluster(String region, String clusterId, URI restEndpoint, String bootstrap, ApiCredentials credentials) {

    URI api(String path) {
        String base = restEndpoint.toString().replaceAll("/+$", "");
        return URI.create(base + "/kafka/v3/clusters/" + clusterId + path);
    }
}
