package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
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
 * Two routing jobs on one session cluster, as two scenarios would run them: each its own job with
 * its own checkpoints; one is killed (cancelled abruptly), paused (stopped with a savepoint) and
 * restored while the other runs on untouched, then the shared TaskManager is killed and replaced and
 * both restore from their checkpoints. Every output stays exact (read_committed, no duplicates).
 */
class FlinkSessionClusterIT {

    private static final Path WORK = SqlFixtures.workDirectory(FlinkSessionClusterIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static SingleKafkaRegion broker;
    private static FlinkSessionCluster session;

    @BeforeAll
    static void start() throws Exception {
        broker = SingleKafkaRegion.start(WORK.resolve("kafka"), TIMEOUT);
        long begin = System.nanoTime();
        session = FlinkSessionCluster.start(WORK.resolve("session"), WORK.resolve("flink-session.log"), 4, TIMEOUT);
        System.out.printf("MEASURE flink.session.start-to-ready %d ms, rss %d MB%n",
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), ProcessMemory.rssMegabytes(session.process().pid()));
        for (String namespace : List.of("a-", "b-")) {
            broker.createTopic(namespace + "raw_business_events", 3);
            for (String type : BusinessEvents.TYPES) {
                broker.createTopic(namespace + "filtered_" + type + "_events", 2);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (broker != null) {
            broker.close();
        }
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    void eachScenarioHasItsOwnJobThatCanBeKilledPausedAndRestoredAlone() throws Exception {
        try (FlinkSqlJob a = routing("a-"); FlinkSqlJob b = routing("b-")) {
            System.out.printf("MEASURE flink.session.submit-to-running %d ms (first), %d ms (second)%n",
                    a.lastStartToRunning().toMillis(), b.lastStartToRunning().toMillis());
            assertThat(a.ownsJvm()).isFalse();
            assertThat(a.jobId()).isNotEqualTo(b.jobId());
            assertThat(a.process().pid()).isEqualTo(b.process().pid());

            produce("a-", 0, 100);
            produce("b-", 0, 100);
            a.awaitCompletedCheckpoints(1, TIMEOUT);

            String killed = a.jobId();
            a.kill();
            assertThat(a.state()).isEqualTo("CANCELED");
            assertThat(b.state()).isEqualTo("RUNNING");
            produce("a-", 100, 100);
            a.restartFromLatestCheckpoint(TIMEOUT);
            System.out.printf("MEASURE flink.session.restart-from-checkpoint-to-running %d ms%n",
                    a.lastStartToRunning().toMillis());
            assertThat(a.restoredFrom()).hasValueSatisfying(path -> assertThat(path.toString()).contains(killed));

            a.pause(TIMEOUT);
            assertThat(a.pausedAt()).isPresent();
            assertThat(a.state()).isEqualTo("FINISHED");
            produce("a-", 200, 100);
            a.resume(TIMEOUT);
            assertThat(a.state()).isEqualTo("RUNNING");
            assertThat(a.restoredFrom()).hasValueSatisfying(path -> assertThat(path.toString()).contains("savepoint"));

            session.killTaskManager();
            assertThat(session.isTaskManagerRunning()).isFalse();
            produce("b-", 100, 100);
            session.startTaskManager(TIMEOUT);
            a.awaitReady(TIMEOUT);
            b.awaitReady(TIMEOUT);

            awaitExact("a-", 300);
            awaitExact("b-", 200);
        }
        assertThat(session.process().isAlive()).isTrue();
    }

    @Test
    void aRejectedStatementNamesTheUsersFileAndLeavesTheSessionRunning() {
        assertThatThrownBy(() -> FlinkSqlJob.submitTo(session, "flink-broken",
                List.of(SqlFixtures.resolved("broken/tables.sql", Map.of()),
                        SqlFixtures.resolved("broken/unknown-column.sql", Map.of())),
                WORK.resolve("broken"), TIMEOUT))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageStartingWith("pipelines/broken/unknown-column.sql:5:20: ")
                .hasMessageContaining("Column 'no_such_column' not found");
        assertThat(session.process().isAlive()).isTrue();
    }

    private static FlinkSqlJob routing(String namespace) throws Exception {
        PipelineFile shared = SqlFixtures.resolved("routing/routing.sql",
                Map.of("kafka.bootstrap", broker.bootstrapServers(), "namespace", namespace));
        // the fixture's topics are not namespaced: each job here gets its own, as each scenario does
        PipelineFile own = new PipelineFile(shared.path(), shared.displayName(),
                shared.text().replace("'topic' = '", "'topic' = '" + namespace));
        return FlinkSqlJob.submitTo(session, namespace + "flink", List.of(own), WORK.resolve("flink-" + namespace), TIMEOUT);
    }

    private static void produce(String namespace, int first, int count) throws Exception {
        KafkaRecords.produce(broker.bootstrapServers(), namespace + "raw_business_events", BusinessEvents.mixed(first, count));
    }

    private static void awaitExact(String namespace, int events) {
        for (String type : BusinessEvents.TYPES) {
            List<String> expected = BusinessEvents.expectedIds(type, 0, events);
            await(namespace + ": all " + expected.size() + " " + type + " events, committed, once")
                    .atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(routedIds(namespace, type)).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(expected));
        }
    }

    private static List<String> routedIds(String namespace, String type) {
        return KafkaRecords.readCommittedValues(broker.bootstrapServers(), namespace + "filtered_" + type + "_events")
                .stream().map(json -> BusinessEvents.field(json, "event_id")).toList();
    }
}
