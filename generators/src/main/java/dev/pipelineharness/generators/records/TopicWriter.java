package dev.pipelineharness.generators.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.formats.avro.AvroRegistries;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.write.KafkaRecordWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes rows as JSON objects (or, with an Avro schema, Confluent wire-format Avro records) to a topic with the harness's idempotent, {@code acks=all} producer;
 * the key is the key field's value as UTF-8 text (none without a key field). Each row is recorded
 * when written and marked acknowledged from the producer's callback (in the ledger too, with ledger settings).
 */
final class TopicWriter implements TargetWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordTarget target;
    private final String physicalTopic;
    private final GeneratedRows rows;
    private final LedgeredWrites ledgered;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroRowEncoder avro;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long sent;

    TopicWriter(RecordTarget target, Deployment deployment, GeneratedRows rows, LedgeredWrites ledgered, String clientId) {
        this.target = target;
        this.ledgered = ledgered;
        this.physicalTopic = deployment.topic(target.name());
        this.rows = rows;
        this.avro = target.avroSchema().map(schema -> new AvroRowEncoder(schema, AvroRegistries.client(deployment)))
                .orElse(null);
        this.producer = new KafkaProducer<>(KafkaRecordWriter.producerConfig(deployment.endpoints().kafka(), clientId),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void write(RowChange change) throws Exception {
        long sequence = rows.append(target.name(), change.op(), change.row());
        byte[] key = target.keyColumns().isEmpty() || change.row().get(target.keyColumns().get(0)) == null ? null
                : String.valueOf(change.row().get(target.keyColumns().get(0))).getBytes(StandardCharsets.UTF_8);
        byte[] value = avro != null ? avro.encode(physicalTopic, change.row()) : JSON.writeValueAsBytes(change.row());
        sent++;
        long ordinal = ledgered.written(change.row());
        producer.send(new ProducerRecord<>(physicalTopic, key, value), (metadata, exception) -> {
            if (exception == null) {
                rows.acknowledged(target.name(), sequence);
                ledgered.acknowledged(ordinal);
                acknowledged.incrementAndGet();
            } else {
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    @Override
    public void finish() {
        producer.flush();
        if (sent > 0 && acknowledged.get() == 0) {
            throw new IllegalStateException("no record of " + sent + " written to " + physicalTopic
                    + " was acknowledged", firstFailure.get());
        }
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
