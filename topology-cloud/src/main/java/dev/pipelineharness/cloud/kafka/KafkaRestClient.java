package dev.pipelineharness.cloud.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.cloud.http.CloudApiException;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Topics of one cluster through the Kafka REST API v3. */
public final class KafkaRestClient {

    private final CloudHttp http;
    private final CloudWait wait;
    private final KafkaCluster cluster;

    public KafkaRestClient(CloudHttp http, CloudWait wait, KafkaCluster cluster) {
        this.http = http;
        this.wait = wait;
        this.cluster = cluster;
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    /** A read that proves the REST endpoint and the cluster key work. */
    public void describeCluster() {
        http.get(cluster.api(""), cluster.credentials());
    }

    /** Creates {@code name} with the spec's partitions and configs; the replication factor is the cloud's (3). */
    public void createTopic(TopicSpec spec, String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("topic_name", name)
                .put("partitions_count", spec.partitions());
        var configs = body.putArray("configs");
        spec.configs().forEach((key, value) -> configs.addObject().put("name", key).put("value", value));
        try {
            http.post(cluster.api("/topics"), cluster.credentials(), body);
        } catch (CloudApiException e) {
            if ("40002".equals(e.errorCode())) {
                throw new IllegalStateException("topic " + name + " already exists on " + cluster.clusterId()
                        + " (" + cluster.region() + "): left by an earlier run with this namespace? "
                        + "`./harness cloud sweep` removes what killed runs left", e);
            }
            throw e;
        }
    }

    /** Deletes {@code name} and waits until the cluster no longer lists it; a topic already gone is fine. */
    public void deleteTopic(String name, Duration timeout) {
        try {
            http.delete(cluster.api("/topics/" + encode(name)), cluster.credentials());
        } catch (CloudApiException e) {
            if (e.isNotFound()) {
                return;
            }
            throw e;
        }
        if (http.planning()) {
            http.log().note("GET", cluster.api("/topics/" + encode(name)).toString(), "poll until 404");
            return;
        }
        wait.until("topic " + name + " to be deleted from " + cluster.clusterId(), timeout, () -> {
            try {
                http.get(cluster.api("/topics/" + encode(name)), cluster.credentials());
                return false;
            } catch (CloudApiException e) {
                if (e.isNotFound()) {
                    return true;
                }
                throw e;
            }
        }, gone -> gone, gone -> "still listed");
    }

    public List<String> listTopics() {
        JsonNode data = http.get(cluster.api("/topics"), cluster.credentials()).body().path("data");
        List<String> names = new ArrayList<>();
        data.forEach(topic -> names.add(topic.path("topic_name").asText()));
        return names;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
