package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A topic the pipeline needs, by its logical name (as the pipeline's files refer to it through
 * {@code ${topic.NAME}}).
 *
 * @param format  the value format: {@code json}, {@code avro} (Confluent wire format through the
 *                registry) or {@code string}
 * @param configs topic-level configs such as {@code cleanup.policy}
 */
@API(status = STABLE, since = "0.1")
public record TopicSpec(String name, int partitions, String format, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
