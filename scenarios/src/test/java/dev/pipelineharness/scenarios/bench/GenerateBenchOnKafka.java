package dev.pipelineharness.scenarios.bench;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.local.proxy.LinkProxies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * {@code ./harness bench generate}: the generators' own figures (in memory, oracle, ledger), then the
 * business-events generator producing into a real broker of the embedded topology next to Kafka's own
 * {@code ProducerPerformance} against the same broker in the same run, and their ratio as
 * {@code BENCH generate.ratio}.
 *
 * <p>A fair comparison: ProducerPerformance gets the generator writer's producer settings (acks=all,
 * idempotent, linger 5 ms, 128 KiB batches) and its record size; both first run once unmeasured (JIT,
 * broker page cache, topic metadata), then alternate twice, and each figure is the mean of its two runs,
 * so neither profits from going second.
 */
public final class GenerateBenchOnKafka {

    /** Business events serialize to about this many bytes (measured by the generators' bench). */
    private static final int RECORD_SIZE = 224;
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private GenerateBenchOnKafka() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path parent = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/harness/bench"));
        GenerateBench.main(new String[] {"--events", Long.toString(Math.min(events, 1_000_000))});
        // a broker of its own, on a fresh data directory every run, removed afterwards
        Path work = Files.createTempDirectory(parent, "generate-");
        try (LinkProxies proxies = LinkProxies.open();
             KafkaRegion kafka = KafkaRegion.start("east", work.resolve("kafka"), work.resolve("kafka.log"), proxies,
                     Duration.ofMinutes(2))) {
            Function<String, String> sameName = Function.identity();
            kafka.createTopics(List.of(new TopicSpec("bench_producer_performance", 3, "string", Map.of()),
                    new TopicSpec("bench_generator", 3, "json", Map.of())), sameName);
            String bootstrap = kafka.bootstrapServers(KafkaLink.HARNESS);

            long warmUp = Math.max(1, events / 5);
            producerPerformance(bootstrap, warmUp);
            GenerateBench.produceToKafka(bootstrap, "bench_generator", warmUp);
            double kafkaRate = 0;
            double generatorRate = 0;
            for (int round = 0; round < 2; round++) {
                kafkaRate += producerPerformance(bootstrap, events) / 2;
                generatorRate += GenerateBench.produceToKafka(bootstrap, "bench_generator", events) / 2;
            }
            print("generate.kafka.producer_performance", kafkaRate, "records/s");
            print("generate.kafka.generator", generatorRate, "events/s");
            print("generate.ratio", generatorRate / kafkaRate, "x");
        } finally {
            Directories.deleteQuietly(work);
        }
    }

    /** Runs Kafka's own ProducerPerformance in this JVM and reads its summary line. */
    private static double producerPerformance(String bootstrap, long records) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {
                "--topic", "bench_producer_performance", "--num-records", Long.toString(records),
                "--record-size", Integer.toString(RECORD_SIZE), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=5", "batch.size=131072", "max.in.flight.requests.per.connection=5"});
        } finally {
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher summary = RECORDS_PER_SECOND.matcher(output);
        double rate = -1;
        while (summary.find()) {
            rate = Double.parseDouble(summary.group(1)); // the last match is the final summary
        }
        if (rate < 0) {
            throw new IllegalStateException("No summary in ProducerPerformance's output:\n" + output);
        }
        return rate;
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s %.2f %s%n", name, value, unit);
    }
}
