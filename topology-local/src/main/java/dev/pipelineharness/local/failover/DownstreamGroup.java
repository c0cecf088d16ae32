package dev.pipelineharness.local.failover;

import dev.pipelineharness.api.control.FailoverReport.GroupResumption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A downstream application's consumer group on one of the deployment's output topics: it consumes in
 * the active region and commits as it goes, and after the failover it resumes in the passive region
 * from the offsets MirrorMaker translated and synced there, as its team would restart it.
 */
final class DownstreamGroup {

    private final String group;
    private final String topic;
    private long committedInFrom;
    private long consumedInFrom;

    DownstreamGroup(String group, String topic) {
        this.group = group;
        this.topic = topic;
    }

    String group() {
        return group;
    }

    String topic() {
        return topic;
    }

    /**
     * Starts consuming in the active region: each {@link Reader#pollAndCommit} reads what arrived and
     * commits it, as the downstream application would, until the reader is closed before the outage.
     */
    Reader consumeIn(String fromBootstrap) {
        KafkaConsumer<byte[], byte[]> consumer = consumer(fromBootstrap);
        consumer.subscribe(List.of(topic));
        return new Reader(consumer);
    }

    /** The group's consumer in the active region. */
    final class Reader implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;

        private Reader(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        void pollAndCommit(Duration poll) {
            consumedInFrom += consumer.poll(poll).count();
            if (consumedInFrom > 0) {
                consumer.commitSync(Duration.ofSeconds(5));
                committedInFrom = total(consumer.committed(consumer.assignment(), Duration.ofSeconds(5)));
            }
        }

        String group() {
            return group;
        }

        /** What it did in the active region. */
        String describe() {
            return "group " + group + " consumed " + consumedInFrom + " record(s) of " + topic + ", committed "
                    + committedInFrom;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Resumes in {@code to} from its synced offsets, reads for up to {@code readFor}, commits there. */
    GroupResumption resume(String toBootstrap, Admin to, Duration readFor) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> synced = to.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long resumedAt = total(synced);
        long read = 0;
        long produced;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(toBootstrap)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            produced = consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
            // a group with a position in to resumes from it; one without would start over (earliest), and says so
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + readFor.toNanos();
            while (System.nanoTime() < deadline && read == 0) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            if (read > 0) {
                consumer.commitSync(Duration.ofSeconds(5));
            }
        }
        return new GroupResumption(group, topic, committedInFrom, resumedAt, produced, read);
    }

    static long total(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
