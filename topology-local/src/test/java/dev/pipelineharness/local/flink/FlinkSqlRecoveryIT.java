package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.local.kafka.SingleKafkaRegion;
import dev.pipelineharness.local.process.ChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing job's JVM is killed with SIGKILL while events keep arriving, then restarted from its
 * last retained checkpoint: a read_committed consumer still sees every event exactly once, because
 * the sinks' Kafka transactions are committed only with a checkpoint, and the transactions the dead
 * JVM left open are aborted when the restored job starts.
 */
class FlinkSqlRecoveryIT {

    private static final int EVENTS = 300;
    private static final Path WORK = SqlFixtures.workDirectory(FlinkSqlRecoveryIT.class);
    private static SingleKafkaRegion broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SingleKafkaRegion.start(WORK.resolve("kafka"), Duration.ofSeconds(60));
        broker.createTopic("raw_business_events", 3);
        for (String type : BusinessEvents.TYPES) {
            broker.createTopic("filtered_" + type + "_events", 2);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void outputStaysExactAfterTheFlinkJvmIsKilledMidStreamAndRestoredFromItsLastCheckpoint() throws Exception {
        Map<String, String> placeholders = Map.of("kafka.bootstrap", broker.bootstrapServers(), "namespace", "recovery-it");
        try (FlinkSqlJob job = FlinkSqlJob.submit("flink-routing",
                List.of(SqlFixtures.resolved("routing/routing.sql", placeholders)),
                WORK.resolve("flink"), WORK.resolve("flink.log"), Duration.ofSeconds(60))) {
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> produceSlowly(sent));

            await("a third of the events sent").atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= EVENTS / 3);
            job.awaitCompletedCheckpoints(1, Duration.ofSeconds(20));
            String killedJob = job.jobId();
            long pidBefore = job.process().pid();
            job.kill();
            int sentAtKill = sent.get();
            assertThat(job.process().isAlive()).isFalse();
            assertThat(job.state()).isEqualTo("UNREACHABLE");

            job.restartFromLatestCheckpoint(Duration.ofSeconds(60));
            System.out.printf("MEASURE flink.restart-from-checkpoint-to-running %d ms (killed at event %d), rss %d MB%n",
                    job.lastStartToRunning().toMillis(), sentAtKill, ProcessMemory.rssMegabytes(job.process().pid()));
            assertThat(job.process().pid()).isNotEqualTo(pidBefore);
            assertThat(job.restoredFrom()).hasValueSatisfying(checkpoint ->
                    assertThat(checkpoint.toString()).contains(killedJob).contains("chk-"));
            assertThat(job.state()).isEqualTo("RUNNING");

            producer.get(60, TimeUnit.SECONDS);
            for (String type : BusinessEvents.TYPES) {
                List<String> expected = BusinessEvents.expectedIds(type, 0, EVENTS);
                await("all " + expected.size() + " " + type + " events, committed").atMost(Duration.ofSeconds(40))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(routedIds(type)).hasSameSizeAs(expected));
            }
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, Duration.ofSeconds(20));
            for (String type : BusinessEvents.TYPES) {
                assertThat(routedIds(type)).as("committed events on filtered_%s_events", type)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(BusinessEvents.expectedIds(type, 0, EVENTS));
            }
        }
    }

    /** About 70 events a second, so the kill lands while records flow and transactions are open. */
    private static void produceSlowly(AtomicInteger sent) {
        try {
            for (int first = 0; first < EVENTS; first += 10) {
                KafkaRecords.produce(broker.bootstrapServers(), "raw_business_events", BusinessEvents.mixed(first, 10));
                sent.addAndGet(10);
                TimeUnit.MILLISECONDS.sleep(150); // pacing of the input, not a wait for readiness
            }
        } catch (Exception e) {
            throw new IllegalStateException("Producing the raw events failed after " + sent.get(), e);
        }
    }

    private static List<String> routedIds(String type) {
        return KafkaRecords.readCommittedValues(broker.bootstrapServers(), "filtered_" + type + "_events").stream()
                .map(json -> BusinessEvents.field(json, "event_id")).toList();
    }
}
