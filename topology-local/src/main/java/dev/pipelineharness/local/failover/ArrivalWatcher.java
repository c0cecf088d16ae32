package dev.pipelineharness.local.failover;

import dev.pipelineharness.api.control.FailoverReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the deployment's topics in the region failed over to from their cutover offsets and notes
 * when each record became visible ({@code read_committed}, so a transactional output counts once its
 * transaction committed): the live observation the recovery time (RTO) is computed from, since the
 * records' own timestamps are their sources' (Flink copies them). Keeps at most
 * {@value #MAX_RECORDS} arrivals, enough for any drill; later ones are not noted.
 */
final class ArrivalWatcher implements FailoverReport.Arrivals, AutoCloseable {

    static final int MAX_RECORDS = 2_000_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    ArrivalWatcher(String bootstrapServers, Map<String, Map<Integer, Long>> from) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-harness-arrivals-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        from.forEach((topic, offsets) -> offsets.keySet().forEach(p -> partitions.add(new TopicPartition(topic, p))));
        consumer.assign(partitions);
        from.forEach((topic, offsets) -> offsets.forEach((p, offset) -> consumer.seek(new TopicPartition(topic, p), offset)));
        thread = new Thread(this::watch, "failover-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (arrivals.size() < MAX_RECORDS) {
                        arrivals.putIfAbsent(key(record.topic(), record.partition(), record.offset()),
                                System.currentTimeMillis());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (!closed) {
                System.err.println("pipeline-harness: watching arrivals after failover stopped: " + e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public Optional<Instant> at(String topic, int partition, long offset) {
        return Optional.ofNullable(arrivals.get(key(topic, partition, offset))).map(Instant::ofEpochMilli);
    }

    int size() {
        return arrivals.size();
    }

    private static String key(String topic, int partition, long offset) {
        return topic + '/' + partition + '/' + offset;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
