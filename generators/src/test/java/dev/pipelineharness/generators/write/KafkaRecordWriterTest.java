package dev.pipelineharness.generators.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaRecordWriterTest {

    @Test
    void recordsWritesAndOnlyConfirmedAcksInTheLedger() {
        Ledger ledger = new Ledger();
        int destination = ledger.destination("filtered_loan_events");
        ledger.reserve(2);
        ledger.plan(0, 1, destination);
        ledger.plan(1, 1, destination);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (KafkaRecordWriter writer = new KafkaRecordWriter(producer, ledger)) {
            writer.send("raw", "k".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), 0);
            writer.send("raw", "k".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), 1);
            assertThat(ledger.writtenCopies(0)).isEqualTo(1);
            assertThat(ledger.ackedCopies(0)).isZero();
            producer.completeNext();
            producer.errorNext(new RuntimeException("broker gone"));
            assertThat(ledger.ackedCopies(0)).isEqualTo(1);
            assertThat(ledger.ackedCopies(1)).isZero();
            assertThat(writer.acknowledged()).isEqualTo(1);
            assertThat(writer.failed()).isEqualTo(1);
            assertThat(writer.firstFailure()).hasMessage("broker gone");
        }
    }

    @Test
    void producerIsIdempotentWithAcksAll() {
        Map<String, Object> config = KafkaRecordWriter.producerConfig(KafkaEndpoint.plaintext("east", "localhost:1"), "c");
        assertThat(config).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
                .containsEntry("bootstrap.servers", "localhost:1");
    }
}
