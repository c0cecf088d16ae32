package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.control.FailoverReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Watches the deployment's topics in the region failed over to from their cutover offsets and notes
 * when each record became visible: the live observation the recovery time (RTO) is computed from,
 * since the records' own timestamps are their sources' (Flink copies them). The caller's consumer
 * reads {@code read_committed}, so a transactional output counts once its transaction committed.
 * Keeps at most {@value #MAX_RECORDS} arrivals, enough for any drill; later ones are not noted.
 * Shared by the embedded and the cloud drill.
 */
public class ArrivalWatcher implements FailoverReport.Arrivals, AutoCloseable {

    static final int MAX_RECORDS = 2_000_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Starts watching with {@code consumer} (closed with this) from each topic's partitions' offsets in {@code from}. */
    public ArrivalWatcher(KafkaConsumer<byte[], byte[]> consumer, Map<String, Map<Integer, Long>> from) {
        this.consumer = consumer;
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
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public Optional<Instant> at(String topic, int partition, long offset) {
        return Optional.ofNullable(arrivals.get(key(topic, partition, offset))).map(Instant::ofEpochMilli);
    }

    private static String key(String topic, int partition, long offset) {
        return topic + '/' + partition + '/' + offset;
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
