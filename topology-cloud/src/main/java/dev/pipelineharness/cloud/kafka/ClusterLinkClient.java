package dev.pipelineharness.cloud.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirror topics of one cluster link, on the destination (DR) cluster's REST endpoint: create a
 * mirror per source topic, read its status and lags, and fail it over ({@code mirrors:failover}:
 * the mirror stops and becomes a writable topic).
 */
public final class ClusterLinkClient {

    /**
     * A mirror topic's state as the API reported it: per partition, how far it was behind ({@code lag})
     * and the last source offset it fetched (mirrors keep the source's offsets, so this is what the DR
     * cluster holds).
     */
    public record MirrorState(String topic, String status, Map<Integer, Long> lags, Map<Integer, Long> fetchedOffsets) {
        public long totalLag() {
            return lags.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final CloudHttp http;
    private final CloudWait wait;
    private final KafkaCluster destination;
    private final String link;

    public ClusterLinkClient(CloudHttp http, CloudWait wait, KafkaCluster destination, String link) {
        this.http = http;
        this.wait = wait;
        this.destination = destination;
        this.link = link;
    }

    public String link() {
        return link;
    }

    public KafkaCluster destination() {
        return destination;
    }

    public void createMirror(String sourceTopic) {
        http.post(destination.api("/links/" + KafkaRestClient.encode(link) + "/mirrors"), destination.credentials(),
                JsonNodeFactory.instance.objectNode().put("source_topic_name", sourceTopic));
    }

    /**
     * One of the link's configs ({@code GET .../links/{link}/configs/{name}}), such as
     * {@code consumer.offset.sync.enable}; empty when the link does not report it.
     */
    public java.util.Optional<String> config(String name) {
        try {
            JsonNode body = http.get(destination.api("/links/" + KafkaRestClient.encode(link) + "/configs/"
                    + KafkaRestClient.encode(name)), destination.credentials()).body();
            return body.hasNonNull("value") ? java.util.Optional.of(body.path("value").asText())
                    : java.util.Optional.empty();
        } catch (dev.pipelineharness.cloud.http.CloudApiException e) {
            if (e.isNotFound()) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    public MirrorState mirror(String topic) {
        JsonNode body = http.get(destination.api("/links/" + KafkaRestClient.encode(link) + "/mirrors/"
                + KafkaRestClient.encode(topic)), destination.credentials()).body();
        Map<Integer, Long> lags = new LinkedHashMap<>();
        Map<Integer, Long> fetched = new LinkedHashMap<>();
        body.path("mirror_lags").forEach(lag -> {
            lags.put(lag.path("partition").asInt(), lag.path("lag").asLong());
            fetched.put(lag.path("partition").asInt(), lag.path("last_source_fetch_offset").asLong());
        });
        return new MirrorState(topic, body.path("mirror_status").asText(""), lags, fetched);
    }

    /**
     * Fails the mirrors over; a topic the API reports an error for makes the whole call fail naming
     * it. Returns once every mirror is {@code STOPPED} (writable), within {@code timeout}.
     */
    public void failover(List<String> topics, Duration timeout) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        topics.forEach(body.putArray("mirror_topic_names")::add);
        JsonNode answer = http.post(destination.api("/links/" + KafkaRestClient.encode(link) + "/mirrors:failover"),
                destination.credentials(), body).body();
        List<String> errors = new ArrayList<>();
        answer.path("data").forEach(result -> {
            if (result.path("error_code").asInt(0) != 0 || !result.path("error_message").asText("").isEmpty()) {
                errors.add(result.path("mirror_topic_name").asText() + ": " + result.path("error_message").asText());
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("mirrors:failover on link " + link + " failed for " + String.join("; ", errors));
        }
        for (String topic : topics) {
            if (http.planning()) {
                http.log().note("GET", destination.api("/links/" + link + "/mirrors/" + topic).toString(),
                        "poll until mirror_status STOPPED");
                continue;
            }
            wait.until("mirror topic " + topic + " of link " + link + " to be STOPPED after failover", timeout,
                    () -> mirror(topic), state -> "STOPPED".equals(state.status()), MirrorState::status);
        }
    }
}
