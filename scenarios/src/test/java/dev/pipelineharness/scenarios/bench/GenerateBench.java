package dev.pipelineharness.scenarios.bench;

import dev.pipelineharness.api.KafkaEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.ValuePools;
import dev.pipelineharness.generators.business.BusinessEventSequence;
import dev.pipelineharness.generators.business.BusinessEventShape;
import dev.pipelineharness.generators.business.RawRecord;
import dev.pipelineharness.generators.interaction.Interaction;
import dev.pipelineharness.generators.interaction.InteractionSequence;
import dev.pipelineharness.generators.interaction.InteractionShape;
import dev.pipelineharness.generators.reference.ReferenceDataSequence;
import dev.pipelineharness.generators.reference.ReferenceDataShape;
import dev.pipelineharness.generators.business.JsonEventEncoder;
import dev.pipelineharness.generators.write.KafkaRecordWriter;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.ledger.LedgerObserver;
import dev.pipelineharness.checks.reference.AnalyticsOracle;
import dev.pipelineharness.checks.reference.RoutingOracle;
import dev.pipelineharness.testkit.TestParams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@code BENCH <name> <value> <unit>} lines: generator throughput (in memory, and into Kafka
 * when {@code --bootstrap host:port} is given), oracle times and ledger bytes per event for ten
 * million events. Kafka's own ProducerPerformance is not run here (it needs kafka-tools and the
 * broker the harness starts): the caller runs it against the same broker and divides
 * {@link #produceToKafka}'s rate by its rate for {@code generate.ratio}.
 */
public final class GenerateBench {

    private GenerateBench() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        long events = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--events" -> events = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: GenerateBench [--events N] [--bootstrap host:port]");
            }
        }
        print("generate.events_per_second", generateInMemory(events), "events/s");
        List<RawRecord> sample = businessEvents(42, 200_000);
        print("oracle.routing_ms", routingOracleMillis(sample), "ms");
        print("oracle.analytics_ms", analyticsOracleMillis(100_000), "ms");
        print("ledger.bytes_per_event", ledgerBytesPerEvent(10_000_000), "bytes");
        if (bootstrap != null) {
            print("generate.kafka_events_per_second", produceToKafka(bootstrap, "bench_raw_business_events", events),
                    "events/s");
        }
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s %.2f %s%n", name, value, unit);
    }

    static Params shape(String json) {
        return TestParams.of("bench", json);
    }

    static List<RawRecord> businessEvents(long seed, long count) {
        BusinessEventShape shape = BusinessEventShape.from(shape("{\"count\": " + count + ", \"duplicates\": 0.01}"));
        BusinessEventSequence sequence = new BusinessEventSequence(shape, seed, ValuePools.forSeed(seed), 0);
        List<RawRecord> records = new ArrayList<>();
        for (RawRecord record; (record = sequence.next()) != null; ) {
            records.add(record);
        }
        return records;
    }

    /** Events generated and encoded to JSON bytes per second, no sink (after a warm-up). */
    public static double generateInMemory(long count) {
        runSequence(Math.min(count, 200_000));
        long start = System.nanoTime();
        long bytes = runSequence(count);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bytes == 0) {
            throw new IllegalStateException("nothing generated");
        }
        return count / seconds;
    }

    private static long runSequence(long count) {
        BusinessEventShape shape = BusinessEventShape.from(shape("{\"count\": " + count + "}"));
        BusinessEventSequence sequence = new BusinessEventSequence(shape, 1, ValuePools.forSeed(1), 0);
        JsonEventEncoder encoder = new JsonEventEncoder();
        long bytes = 0;
        for (RawRecord record; (record = sequence.next()) != null; ) {
            bytes += encoder.encode("bench", record.event()).length;
        }
        return bytes;
    }

    public static double routingOracleMillis(List<RawRecord> records) {
        List<RoutingOracle.RawInput> raw = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            raw.add(new RoutingOracle.RawInput(record.key(), record.event().toJson().getBytes(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        int total = RoutingOracle.expected(raw).values().stream().mapToInt(List::size).sum();
        double millis = (System.nanoTime() - start) / 1e6;
        if (total != records.size()) {
            throw new IllegalStateException("routing oracle lost records: " + total + " of " + records.size());
        }
        return millis;
    }

    public static double analyticsOracleMillis(long interactionCount) {
        List<RowChange> reference = ReferenceDataSequence.generate(ReferenceDataShape.from(shape(
                "{\"users\": 500, \"items\": 400, \"reviews\": 4000, \"updates\": 200, \"deletes\": 50}")), 3, ValuePools.forSeed(3));
        InteractionSequence sequence = new InteractionSequence(InteractionShape.from(shape(
                "{\"count\": " + interactionCount + ", \"users\": 500, \"items\": 400}")), 4);
        List<Interaction> interactions = new ArrayList<>();
        for (Interaction interaction; (interaction = sequence.next()) != null; ) {
            interactions.add(interaction);
        }
        long start = System.nanoTime();
        AnalyticsOracle.expected(reference, interactions);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Heap bytes per event of a ledger and one observer holding {@code count} acknowledged events. */
    public static double ledgerBytesPerEvent(long count) {
        long before = usedHeapAfterGc();
        Ledger ledger = new Ledger();
        int destination = ledger.destination("filtered_loan_events");
        ledger.reserve(count);
        LedgerObserver observer = ledger.observer();
        for (long i = 0; i < count; i++) {
            ledger.plan(i, (int) (i % 1000), destination);
            ledger.written(i);
            ledger.acknowledged(i);
        }
        observer.observed(count - 1, destination);
        long after = usedHeapAfterGc();
        if (ledger.size() != count) {
            throw new IllegalStateException("ledger lost records");
        }
        return (after - before) / (double) count;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * Generates {@code count} business events and produces them with the generator's own writer
     * (idempotent, acks=all, ledger bookkeeping) to {@code topic}; returns acknowledged events per
     * second, measured until the last ack. The integrator calls this next to Kafka's
     * ProducerPerformance on the same broker for {@code generate.ratio}.
     */
    public static double produceToKafka(String bootstrapServers, String topic, long count) {
        Ledger ledger = new Ledger();
        int destination = ledger.destination("bench");
        BusinessEventShape shape = BusinessEventShape.from(shape("{\"count\": " + count + "}"));
        long base = ledger.reserve(count);
        BusinessEventSequence sequence = new BusinessEventSequence(shape, 1, ValuePools.forSeed(1), base);
        JsonEventEncoder encoder = new JsonEventEncoder();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(KafkaEndpoint.plaintext("bench", bootstrapServers), ledger,
                "generate-bench")) {
            // timed from the first send, as ProducerPerformance times itself
            long start = System.nanoTime();
            for (RawRecord record; (record = sequence.next()) != null; ) {
                ledger.plan(record.ordinal(), record.key().hashCode(), destination);
                writer.send(topic, record.key().getBytes(StandardCharsets.UTF_8), encoder.encode(topic, record.event()),
                        record.ordinal());
            }
            writer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (writer.failed() > 0) {
                throw new IllegalStateException(writer.failed() + " sends failed", writer.firstFailure());
            }
            return writer.acknowledged() / seconds;
        }
    }
}
