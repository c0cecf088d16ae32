package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.local.kafka.SingleKafkaRegion;
import dev.pipelineharness.local.process.ChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 30-minute tumbling event-time window COUNT per user (seed 004's purchase_windowed_counts) fires
 * for events on both sides of a window boundary, although most partitions of the input stay empty:
 * {@code scan.watermark.idle-timeout} lets the watermark pass them by.
 *
 * <p>The flip side, which this test has to respect and pipelines' generators too: a partition idle
 * for longer than the timeout stops holding the watermark back, so events that arrive on it later
 * than a newer event on another partition are late and dropped by the window.
 */
class FlinkSqlWindowIT {

    private static final Path WORK = SqlFixtures.workDirectory(FlinkSqlWindowIT.class);
    private static SingleKafkaRegion broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SingleKafkaRegion.start(WORK.resolve("kafka"), Duration.ofSeconds(60));
        broker.createTopic("purchases", 4);
        broker.createTopic("purchase_windowed_counts", 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void countsPerUserInThirtyMinuteWindowsOnBothSidesOfABoundary() throws Exception {
        Map<String, String> placeholders = Map.of("kafka.bootstrap", broker.bootstrapServers(), "namespace", "window-it");
        try (FlinkSqlJob job = FlinkSqlJob.submit("flink-windows",
                List.of(SqlFixtures.resolved("window/tables.sql", placeholders),
                        SqlFixtures.resolved("window/counts.sql", placeholders)),
                WORK.resolve("flink"), WORK.resolve("flink.log"), Duration.ofSeconds(60))) {

            // in event-time order, as a producer would send them; 10:30:00.000 opens the second window
            KafkaRecords.produce(broker.bootstrapServers(), "purchases", List.of(
                    purchase("alice", "10:05:00.000"),
                    purchase("bob", "10:10:00.000"),
                    purchase("bob", "10:15:00.000"),
                    purchase("bob", "10:20:00.000"),
                    purchase("alice", "10:29:59.999"),
                    purchase("alice", "10:30:00.000"),
                    purchase("bob", "10:45:00.000")));
            // Only once those are read: partitions that were empty for longer than the idle timeout no
            // longer hold the watermark back, so an 11:05 event read first would make the others late.
            await("the job to read and checkpoint the first purchases").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> KafkaRecords.groupHasConsumedAll(broker, "window-it-windows", "purchases"));
            // moves the watermark past 11:00 once the other partitions are idle: both earlier windows close, its own stays open
            KafkaRecords.produce(broker.bootstrapServers(), "purchases", List.of(purchase("carol", "11:05:00.000")));

            await("the windows [10:00, 10:30) and [10:30, 11:00) to fire").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(windowCounts()).hasSize(4));
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, Duration.ofSeconds(20));
            assertThat(windowCounts()).containsExactlyInAnyOrder(
                    "alice 2026-11-22 10:00:00 2",
                    "bob 2026-11-22 10:00:00 3",
                    "alice 2026-11-22 10:30:00 1",
                    "bob 2026-11-22 10:30:00 1");
        }
    }

    private static Map.Entry<String, String> purchase(String user, String time) {
        return Map.entry(user, "{\"user_id\":\"" + user + "\",\"item_id\":\"item-1\",\"event_time\":\"2026-11-22 " + time + "\"}");
    }

    private static List<String> windowCounts() {
        return KafkaRecords.readCommittedValues(broker.bootstrapServers(), "purchase_windowed_counts").stream()
                .map(json -> BusinessEvents.field(json, "user_id") + " " + BusinessEvents.field(json, "window_start")
                        + " " + BusinessEvents.field(json, "purchases"))
                .toList();
    }
}
