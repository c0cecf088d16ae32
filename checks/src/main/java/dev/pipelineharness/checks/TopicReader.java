package dev.pipelineharness.checks;

import dev.pipelineharness.api.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic for a check, {@code read_committed}, and keeps its position between
 * evaluations: each {@link #readNew} returns only the records committed since the last call, up
 * to the end offsets at the time of the call. No consumer group offsets are committed; the group id
 * is unique per reader, so checks never share or steal partitions.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private List<TopicPartition> partitions = List.of();

    /**
     * A raw record: partition, offset, key and value bytes (null value for a tombstone), and its
     * timestamp (epoch milliseconds) with its type: {@code LOG_APPEND_TIME} is the broker's clock when it
     * appended the record, {@code CREATE_TIME} whatever the producer set (its clock at send unless the
     * producer chose a time).
     */
    public record RawRecord(int partition, long offset, byte[] key, byte[] value, long timestamp,
                            TimestampType timestampType) {

        public RawRecord(int partition, long offset, byte[] key, byte[] value) {
            this(partition, offset, key, value, -1, TimestampType.NO_TIMESTAMP_TYPE);
        }
    }

    public TopicReader(KafkaEndpoint endpoint, String topic, String groupPrefix) {
        Map<String, Object> config = new HashMap<>(endpoint.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // a check must never create the topic it waits for (with the broker's default partition count)
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Reads what was committed since the previous call, until the end offsets taken now are reached
     * or {@code maxWait} has passed (then the rest comes with the next call).
     */
    public List<RawRecord> readNew(Duration maxWait) {
        assignNewPartitions();
        List<RawRecord> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, maxWait);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(new RawRecord(record.partition(), record.offset(), record.key(), record.value(),
                        record.timestamp(), record.timestampType()));
            }
        }
        return records;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private void assignNewPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.size() == partitions.size()) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>();
        infos.forEach(info -> all.add(new TopicPartition(topic, info.partition())));
        List<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(partitions);
        consumer.assign(all);
        consumer.seekToBeginning(added);
        partitions = Collections.unmodifiableList(all);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
