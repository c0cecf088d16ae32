package dev.pipelineharness.local.flink;

import dev.pipelineharness.local.kafka.SingleKafkaRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing test input and reading a whole topic back, the way the checks will: read_committed. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Sends key/value pairs in order and waits until the broker acknowledged each. */
    static void produce(String bootstrapServers, String topic, List<Map.Entry<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * True once the consumer group has committed, for every partition of the topic, the offset after
     * the partition's last record: the Flink Kafka source commits on each completed checkpoint, so
     * this says the job has read and checkpointed everything produced so far.
     */
    static boolean groupHasConsumedAll(SingleKafkaRegion broker, String group, String topic) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = broker.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(partition -> latest.put(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            return partitions.stream().allMatch(partition -> ends.get(partition).offset() == 0
                    || (committed.get(partition) != null && committed.get(partition).offset() >= ends.get(partition).offset()));
        }
    }

    /**
     * Every committed value of the topic, from the start, read without a consumer group (so no
     * offsets are left behind) with isolation level read_committed: records of aborted or still open
     * transactions are not seen.
     */
    static List<String> readCommittedValues(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // read_committed end offsets are the last stable offsets: reading up to them sees everything committed
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
