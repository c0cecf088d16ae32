package dev.pipelineharness.cloud.failover;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.topology.support.ArrivalWatcher;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apiguardian.api.API;

/**
 * {@link RegionKafka} with the Kafka clients, each region reached with its endpoint's client
 * properties (on the cloud SASL_SSL with the cluster key; the properties are never logged).
 */
@API(status = INTERNAL, since = "0.2")
public final class KafkaClientsRegionKafka implements RegionKafka {

    private static final Duration CALL = Duration.ofSeconds(30);

    private final Function<String, KafkaEndpoint> endpoints;

    public KafkaClientsRegionKafka(Function<String, KafkaEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String where(String region) {
        return endpoints.apply(region).bootstrapServers();
    }

    @Override
    public Map<Integer, Long> consumeAndCommit(String region, String group, String topic, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(region, group)) {
            consumer.subscribe(List.of(topic));
            long consumed = 0;
            while (System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(500)).count();
                if (consumed > 0) {
                    consumer.commitSync(CALL);
                    return offsets(consumer.committed(consumer.assignment(), CALL));
                }
            }
            return Map.of();
        }
    }

    @Override
    public Map<Integer, Long> committed(String region, String group, String topic) throws Exception {
        try (Admin admin = admin(region)) {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(CALL.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> ofTopic = new HashMap<>();
            all.forEach((partition, offset) -> {
                if (partition.topic().equals(topic)) {
                    ofTopic.put(partition, offset);
                }
            });
            return offsets(ofTopic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    @Override
    public Map<String, Map<Integer, Long>> endOffsets(String region, Collection<String> topics) {
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(region, null)) {
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL);
                if (infos == null || infos.isEmpty()) {
                    ends.put(topic, Map.of());
                    continue;
                }
                List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                Map<Integer, Long> offsets = new TreeMap<>();
                consumer.endOffsets(partitions, CALL).forEach((partition, end) -> offsets.put(partition.partition(), end));
                ends.put(topic, offsets);
            }
        }
        return ends;
    }

    @Override
    public long resume(String region, String group, String topic, Duration readFor) {
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(region, group)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + readFor.toNanos();
            while (System.nanoTime() < deadline && read == 0) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            if (read > 0) {
                consumer.commitSync(CALL);
            }
        }
        return read;
    }

    @Override
    public Arrivals watchArrivals(String region, Map<String, Map<Integer, Long>> from) {
        return new Watcher(consumer(region, null), from);
    }

    @Override
    public void deleteGroup(String region, String group) throws Exception {
        try (Admin admin = admin(region)) {
            admin.deleteConsumerGroups(List.of(group)).all().get(CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static Map<Integer, Long> offsets(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<Integer, Long> offsets = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition.partition(), offset.offset());
            }
        });
        return offsets;
    }

    private Admin admin(String region) {
        return Admin.create(endpoints.apply(region).clientProperties());
    }

    /** A consumer of {@code region}; with {@code group} null one that never commits (offsets and arrivals). */
    private KafkaConsumer<byte[], byte[]> consumer(String region, String group) {
        Map<String, Object> config = new HashMap<>(endpoints.apply(region).clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group == null ? "pipeline-harness-drill-" + UUID.randomUUID() : group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group == null ? "pipeline-harness-drill" : group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The embedded drill's watcher, over SASL_SSL to the DR cluster, as this runbook's {@link Arrivals}. */
    private static final class Watcher extends ArrivalWatcher implements Arrivals {
        Watcher(KafkaConsumer<byte[], byte[]> consumer, Map<String, Map<Integer, Long>> from) {
            super(consumer, from);
        }
    }
}
