package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records to Kafka with an idempotent producer ({@code acks=all}) and records every
 * acknowledgement in the {@link Ledger} from the producer's callback, so "acknowledged" means exactly
 * what the broker confirmed.
 */
public final class KafkaRecordWriter implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Ledger ledger;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private volatile boolean abandoned;

    public KafkaRecordWriter(KafkaEndpoint endpoint, Ledger ledger, String clientId) {
        this(new KafkaProducer<>(producerConfig(endpoint, clientId), new ByteArraySerializer(), new ByteArraySerializer()),
                ledger);
    }

    /** For tests: any producer (such as Kafka's MockProducer). */
    public KafkaRecordWriter(Producer<byte[], byte[]> producer, Ledger ledger) {
        this.producer = producer;
        this.ledger = ledger;
    }

    /** The producer settings: idempotent, acks=all, batching tuned for throughput. */
    public static Map<String, Object> producerConfig(KafkaEndpoint endpoint, String clientId) {
        Map<String, Object> config = new HashMap<>(endpoint.clientProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return config;
    }

    /** Sends one copy of ledger record {@code ordinal}; the ledger learns of the ack asynchronously. */
    public void send(String topic, byte[] key, byte[] value, long ordinal) {
        ledger.written(ordinal);
        sent.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> {
                if (exception == null) {
                    ledger.acknowledged(ordinal);
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
        } catch (RuntimeException e) {
            if (!abandoned) {
                throw e;
            }
            // given up while this send waited (for the lost region's metadata): it failed, as its record
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
        }
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Records sent whose fate (acknowledged or failed) is not known yet. */
    public long pending() {
        return sent.get() - acknowledged.get() - failed.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The first send that failed (after the producer's own retries), if any. */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /**
     * Gives up on every record not acknowledged yet (its region is gone): the producer closes at once
     * and fails them, so the ledger keeps them written but unacknowledged.
     */
    public void abandon() {
        abandoned = true;
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
