package dev.pipelineharness.local.failover;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * The position of the region failed over to at cutover: once the lost region is gone, its replica
 * stops growing (the replicator flushes what it had fetched, then has nothing more). This waits
 * until the end offsets of the deployment's topics there have not moved for a settle period, and
 * returns them: everything below them was replicated, everything at or above is written afterwards.
 */
final class CutoverOffsets {

    private CutoverOffsets() {
    }

    /** Per topic and partition, the settled end offsets; a topic the replicator never created has none. */
    static Map<String, Map<Integer, Long>> settle(Admin admin, Collection<String> topics, Duration settle,
                                                  Duration timeout) {
        Map<String, Map<Integer, Long>> last = new HashMap<>();
        long[] stableSince = {System.nanoTime()};
        Awaitility.await("the end offsets of " + topics + " to stop moving for " + settle.toMillis() + " ms")
                .atMost(timeout).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO)
                .ignoreExceptions()
                .until(() -> {
                    Map<String, Map<Integer, Long>> now = endOffsets(admin, topics);
                    if (!now.equals(last)) {
                        last.clear();
                        last.putAll(now);
                        stableSince[0] = System.nanoTime();
                        return false;
                    }
                    return System.nanoTime() - stableSince[0] >= settle.toNanos();
                });
        return Map.copyOf(last);
    }

    static Map<String, Map<Integer, Long>> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        List<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(topics::contains).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription description : admin.describeTopics(existing).allTopicNames().get(10, TimeUnit.SECONDS)
                .values()) {
            description.partitions().forEach(partition -> request.put(
                    new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
        }
        Map<String, Map<Integer, Long>> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> offsets
                .computeIfAbsent(partition.topic(), ignored -> new HashMap<>()).put(partition.partition(), info.offset()));
        offsets.replaceAll((topic, partitions) -> Map.copyOf(partitions));
        return offsets;
    }

    static long total(Map<Integer, Long> partitions) {
        return partitions.values().stream().mapToLong(Long::longValue).sum();
    }
}
