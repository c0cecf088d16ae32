package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.RegionSwitch;
import dev.pipelineharness.ledger.Ledger;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A {@link KafkaRecordWriter} that follows a {@link RegionSwitch}, as a producer application does when
 * its team fails it over: before each send (and while flushing) it looks where producers must write;
 * when that changed, it gives up on what the old region never acknowledged, opens a producer in the
 * new region and records in the switch the first ordinal written there. Without a switch it is the
 * plain writer.
 */
public final class RegionalKafkaWriter implements AutoCloseable {

    /** How often a flush looks whether its records are settled or the region changed. */
    private static final Duration FLUSH_POLL = Duration.ofMillis(10);

    private final BiFunction<String, String, KafkaRecordWriter> writerFor;
    private final RegionSwitch regionSwitch;
    private final long rangeStart;
    private final long rangeEnd;
    private final Duration flushWithin;
    /** Read by the switch's listener (another thread), replaced only by the writing thread. */
    private volatile KafkaRecordWriter current;
    private volatile String region;
    /** The producers left behind; their late callbacks still count, so their figures are summed when asked. */
    private final java.util.List<KafkaRecordWriter> retired = new java.util.ArrayList<>();
    private final AutoCloseable listening;

    /**
     * @param rangeStart the first ordinal this writer's generator reserved
     * @param rangeEnd   one past its last
     */
    public RegionalKafkaWriter(Endpoints endpoints, Ledger ledger, String clientId, RegionSwitch regionSwitch,
                               long rangeStart, long rangeEnd) {
        this((region, suffix) -> new KafkaRecordWriter(endpoints.kafka(region), ledger, clientId + suffix),
                endpoints.primaryRegion(), regionSwitch, rangeStart, rangeEnd, Duration.ofMinutes(3));
    }

    /** For tests: any writer per region (such as one over Kafka's MockProducer). */
    RegionalKafkaWriter(BiFunction<String, String, KafkaRecordWriter> writerFor, String initialRegion,
                        RegionSwitch regionSwitch, long rangeStart, long rangeEnd, Duration flushWithin) {
        this.writerFor = writerFor;
        this.regionSwitch = regionSwitch;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
        this.flushWithin = flushWithin;
        this.region = regionSwitch.region().orElse(initialRegion);
        this.current = writerFor.apply(region, "");
        // a send blocked on the lost region (waiting for its metadata, up to max.block.ms) must not hold
        // the producers there: the switch gives the old producer up at once, which wakes the send
        this.listening = regionSwitch.onSwitch(newRegion -> {
            if (!newRegion.equals(region)) {
                current.abandon();
            }
        });
    }

    public void send(String topic, byte[] key, byte[] value, long ordinal) {
        followSwitch(ordinal);
        current.send(topic, key, value, ordinal);
    }

    /**
     * Waits until every record sent so far is acknowledged or failed, moving region (and giving up on
     * the old one's pending records) if the switch says so meanwhile; bounded by the producer's own
     * delivery timeout and a bit.
     */
    public void flush() throws InterruptedException {
        long deadline = System.nanoTime() + flushWithin.toNanos();
        while (current.pending() > 0) {
            followSwitch(rangeEnd);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(current.pending() + " record(s) sent to region " + region
                        + " neither acknowledged nor failed within " + flushWithin.toSeconds() + " s");
            }
            Thread.sleep(FLUSH_POLL.toMillis()); // polls the producer's own counters, bounded above
        }
        followSwitch(rangeEnd);
        current.flush();
    }

    private void followSwitch(long nextOrdinal) {
        String wanted = regionSwitch.region().orElse(region);
        if (wanted.equals(region)) {
            return;
        }
        KafkaRecordWriter previous = current;
        previous.abandon();
        retire(previous);
        region = wanted;
        current = writerFor.apply(region, "-" + region);
        regionSwitch.handedOver(rangeStart, rangeEnd, nextOrdinal, region);
    }

    private void retire(KafkaRecordWriter writer) {
        retired.add(writer);
    }

    /** The region written to now. */
    public String region() {
        return region;
    }

    /** Records the producers left behind failed, those given up on when their region went away among them. */
    public long abandoned() {
        return retired.stream().mapToLong(KafkaRecordWriter::failed).sum();
    }

    public long acknowledged() {
        return retired.stream().mapToLong(KafkaRecordWriter::acknowledged).sum() + current.acknowledged();
    }

    public long failed() {
        return abandoned() + current.failed();
    }

    public Exception firstFailure() {
        return retired.stream().map(KafkaRecordWriter::firstFailure).filter(java.util.Objects::nonNull).findFirst()
                .orElse(current.firstFailure());
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        current.close();
    }
}
