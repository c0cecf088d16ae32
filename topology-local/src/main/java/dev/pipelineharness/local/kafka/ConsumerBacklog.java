package dev.pipelineharness.local.kafka;

import dev.pipelineharness.api.Backlog;
import dev.pipelineharness.topology.support.PipelineConsumers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures a pipeline's backlog in one Kafka region: each of its consumer groups
 * ({@link PipelineConsumers}) must have committed, on every partition of every topic it reads, the
 * partition's last stable offset (what a {@code read_committed} reader can reach). A Flink job commits
 * on a completed checkpoint, the same moment its transactional sinks commit, so a group at the end
 * means what it read has been written out. Stages a consumer group does not show make it
 * {@link Backlog.State#UNKNOWN}.
 */
public final class ConsumerBacklog {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private ConsumerBacklog() {
    }

    public static Backlog measure(Admin admin, PipelineConsumers consumers) {
        if (!consumers.unmeasured().isEmpty()) {
            return Backlog.unknown("not measured: " + String.join("; ", consumers.unmeasured()));
        }
        if (consumers.groups().isEmpty()) {
            return Backlog.drained("the pipeline reads no Kafka topic with a consumer group");
        }
        try {
            Set<String> topics = new TreeSet<>();
            consumers.groups().values().forEach(topics::addAll);
            Map<TopicPartition, Long> ends = endOffsets(admin, topics);
            Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
            for (String group : consumers.groups().keySet()) {
                committed.put(group, committed(admin, group));
            }
            return judge(consumers, ends, committed);
        } catch (TimeoutException e) {
            return Backlog.inFlight("Kafka did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Backlog.inFlight("Kafka refused the offsets query: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Backlog.inFlight("interrupted");
        }
    }

    /** The decision, apart from Kafka: every group at the end of every partition of its topics. */
    static Backlog judge(PipelineConsumers consumers, Map<TopicPartition, Long> ends,
                         Map<String, Map<TopicPartition, Long>> committed) {
        List<String> behind = new ArrayList<>();
        List<String> atEnd = new ArrayList<>();
        consumers.groups().forEach((group, topics) -> {
            for (String topic : new TreeSet<>(topics)) {
                long lag = 0;
                long records = 0;
                int partitions = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (!end.getKey().topic().equals(topic)) {
                        continue;
                    }
                    partitions++;
                    records += end.getValue();
                    long position = committed.getOrDefault(group, Map.of()).getOrDefault(end.getKey(), 0L);
                    lag += Math.max(0, end.getValue() - position);
                }
                if (partitions == 0) {
                    behind.add(topic + " has no partitions yet");
                } else if (lag > 0) {
                    behind.add("group " + group + " is " + lag + " record(s) behind on " + topic);
                } else {
                    atEnd.add(topic + " (offset " + records + " over " + partitions + " partition" + (partitions == 1 ? "" : "s") + ")");
                }
            }
        });
        if (!behind.isEmpty()) {
            return Backlog.inFlight(String.join("; ", behind));
        }
        return Backlog.drained("consumer group" + (consumers.groups().size() == 1 ? " " : "s ")
                + String.join(", ", consumers.groups().keySet()) + " at the end of " + String.join(", ", atEnd));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> answer = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        answer.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }
}
