package dev.pipelineharness.generators.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class RegionalKafkaWriterTest {

    private final Ledger ledger = new Ledger();
    private final RegionSwitch regionSwitch = new RegionSwitch();
    /**
     * east never answers (its broker is gone) and, closed, fails what it holds, as KafkaProducer.close
     * does; west acknowledges at once.
     */
    private final Map<String, MockProducer<byte[], byte[]>> producers = new HashMap<>();

    private RegionalKafkaWriter writer(long base, long count) {
        return new RegionalKafkaWriter((region, suffix) -> {
            MockProducer<byte[], byte[]> producer = new MockProducer<>(region.equals("west"), null,
                    new ByteArraySerializer(), new ByteArraySerializer()) {
                @Override
                public synchronized void close(Duration timeout) {
                    while (errorNext(new org.apache.kafka.common.errors.TimeoutException("east is gone"))) {
                        // fail every pending send
                    }
                    super.close(timeout);
                }
            };
            producers.put(region, producer);
            return new KafkaRecordWriter(producer, ledger);
        }, "east", regionSwitch, base, base + count, Duration.ofSeconds(5));
    }

    @Test
    void writesMoveToTheNewRegionAndTheFirstOrdinalThereIsRecorded() throws Exception {
        long base = ledger.reserve(10);
        try (RegionalKafkaWriter writer = writer(base, 10)) {
            for (long ordinal = base; ordinal < base + 4; ordinal++) {
                writer.send("t", new byte[0], new byte[0], ordinal);
            }
            regionSwitch.switchTo("west");
            for (long ordinal = base + 4; ordinal < base + 10; ordinal++) {
                writer.send("t", new byte[0], new byte[0], ordinal);
            }
            writer.flush();

            assertThat(writer.region()).isEqualTo("west");
            assertThat(writer.abandoned()).isEqualTo(4);
            assertThat(writer.acknowledged()).isEqualTo(6);
            assertThat(producers.get("east").closed()).isTrue();
            assertThat(producers.get("west").history()).hasSize(6);
        }
        assertThat(regionSwitch.regionOf(base + 3)).isEmpty();
        assertThat(regionSwitch.regionOf(base + 4)).contains("west");
        assertThat(ledger.ackedCopies(base + 3)).isZero();
        assertThat(ledger.writtenCopies(base + 3)).isEqualTo(1);
        assertThat(ledger.ackedCopies(base + 4)).isEqualTo(1);
    }

    @Test
    void aFlushWaitingOnAGoneRegionEndsWhenTheSwitchComes() throws Exception {
        long base = ledger.reserve(3);
        try (RegionalKafkaWriter writer = writer(base, 3)) {
            for (long ordinal = base; ordinal < base + 3; ordinal++) {
                writer.send("t", new byte[0], new byte[0], ordinal);
            }
            Thread switcher = new Thread(() -> regionSwitch.switchTo("west"));
            switcher.start();
            writer.flush();
            switcher.join();
            assertThat(writer.region()).isEqualTo("west");
            assertThat(writer.abandoned()).isEqualTo(3);
        }
        // nothing of this writer went to west: the handover starts past its range
        assertThat(regionSwitch.regionOf(base + 2)).isEmpty();
    }

    @Test
    void withoutASwitchItIsThePlainWriter() throws Exception {
        long base = ledger.reserve(2);
        producers.clear();
        RegionalKafkaWriter writer = new RegionalKafkaWriter((region, suffix) -> new KafkaRecordWriter(
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()), ledger),
                "east", regionSwitch, base, base + 2, Duration.ofSeconds(5));
        writer.send("t", new byte[0], new byte[0], base);
        writer.send("t", new byte[0], new byte[0], base + 1);
        writer.flush();
        assertThat(writer.acknowledged()).isEqualTo(2);
        assertThat(writer.region()).isEqualTo("east");
        assertThat(regionSwitch.handovers()).isEmpty();
        writer.close();
    }
}
