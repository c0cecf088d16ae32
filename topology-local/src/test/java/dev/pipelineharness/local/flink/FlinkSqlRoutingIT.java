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
 * The routing SQL of seed 000 on a real broker and a real Flink MiniCluster in its own JVM: 30 mixed
 * events on raw_business_events end up, each exactly once, on the topic of their event type.
 */
class FlinkSqlRoutingIT {

    private static final Path WORK = SqlFixtures.workDirectory(FlinkSqlRoutingIT.class);
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
    void routesEveryEventExactlyOnceToTheTopicOfItsType() throws Exception {
        Map<String, String> placeholders = Map.of("kafka.bootstrap", broker.bootstrapServers(), "namespace", "routing-it");
        try (FlinkSqlJob job = FlinkSqlJob.submit("flink-routing",
                List.of(SqlFixtures.resolved("routing/routing.sql", placeholders)),
                WORK.resolve("flink"), WORK.resolve("flink.log"), Duration.ofSeconds(60))) {
            System.out.printf("MEASURE flink.start-to-running %d ms, rss %d MB%n",
                    job.lastStartToRunning().toMillis(), ProcessMemory.rssMegabytes(job.process().pid()));
            assertThat(job.state()).isEqualTo("RUNNING");
            assertThat(job.jobId()).matches("[0-9a-f]{32}");

            long produced = System.nanoTime();
            KafkaRecords.produce(broker.bootstrapServers(), "raw_business_events", BusinessEvents.mixed(0, 30));

            for (String type : BusinessEvents.TYPES) {
                List<String> expected = BusinessEvents.expectedIds(type, 0, 30);
                await("the 10 " + type + " events on filtered_" + type + "_events").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(routedIds(type)).containsExactlyInAnyOrderElementsOf(expected));
            }
            System.out.printf("MEASURE flink.produce-to-all-committed %d ms, rss %d MB%n",
                    Duration.ofNanos(System.nanoTime() - produced).toMillis(), ProcessMemory.rssMegabytes(job.process().pid()));

            // two more checkpoints later, nothing was written twice
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, Duration.ofSeconds(20));
            for (String type : BusinessEvents.TYPES) {
                List<String> routed = routedIds(type);
                assertThat(routed).hasSize(10).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(BusinessEvents.expectedIds(type, 0, 30));
                assertThat(KafkaRecords.readCommittedValues(broker.bootstrapServers(), "filtered_" + type + "_events"))
                        .allSatisfy(json -> assertThat(BusinessEvents.field(json, "event_type")).isEqualTo(type));
            }
        }
    }

    private static List<String> routedIds(String type) {
        return KafkaRecords.readCommittedValues(broker.bootstrapServers(), "filtered_" + type + "_events").stream()
                .map(json -> BusinessEvents.field(json, "event_id")).toList();
    }
}
