package dev.pipelineharness.local.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Whether a region takes writes: the broker answers a metadata request through the harness link
 * with itself registered and unfenced (a fenced broker is left out of {@code describeCluster}), and
 * every existing partition, internal ones included, has a leader again. After a kill the second part
 * is what lets producers and consumer groups work at once, not merely connect.
 */
final class KafkaReadiness {

    private static final int PROBE_TIMEOUT_MS = 2000;

    private final Admin admin;

    KafkaReadiness(Admin admin) {
        this.admin = admin;
    }

    boolean isReady() throws Exception {
        Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
                .nodes().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (nodes.isEmpty()) {
            return false;
        }
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(PROBE_TIMEOUT_MS))
                .names().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return topics.isEmpty() || allPartitionsLed(topics);
    }

    boolean allPartitionsLed(Collection<String> topics) throws Exception {
        Collection<TopicDescription> descriptions = admin
                .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(PROBE_TIMEOUT_MS))
                .allTopicNames().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).values();
        for (TopicDescription description : descriptions) {
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
