package dev.pipelineharness.local.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.local.kafka.SingleKafkaRegion;
import dev.pipelineharness.local.process.ChildProcesses;
import dev.pipelineharness.testkit.SharesTheMachine;
import dev.pipelineharness.topology.support.PlaceholderValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Flink SQL jobs on one session cluster and one broker, started once for all tests, as the scenarios
 * of a run share them: each test submits jobs of its own (own names, topics, consumer groups,
 * transactional ids and checkpoint directories). What it proves: exactly-once output after a job is
 * killed (cancelled abruptly) mid-stream and restored from its latest checkpoint; a restore from the
 * latest checkpoint or a fresh start when there is none; 30-minute event-time windows; a secret that
 * goes with the submission and into no file; SQL errors that name the user's file and line; two
 * jobs faulted independently of each other; and two jobs restored after the shared TaskManager was
 * killed and replaced.
 *
 * <p>The tests run side by side, as scenarios do (they mostly wait for checkpoints and paced input),
 * except the one that kills the TaskManager every job runs on: it holds {@link #TASK_MANAGER}
 * exclusively, the others share it. Only the methods are concurrent, not the class: other IT classes
 * of the same JVM still run before or after it, never beside it (each checks at its end that no
 * child process of its JVM is left).
 */
@ExtendWith(SharesTheMachine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkSessionClusterIT {

    private static final String TASK_MANAGER = "flink-session-taskmanager";

    private static final Path WORK = SqlFixtures.workDirectory(FlinkSessionClusterIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * The topology's own default for starting its components: in verify this class starts its JVMs
     * beside another IT class and another module's tests, and the session took 51 s to plan its
     * warm-up job in one CI run (30 s to come up), past the 60 s each step here is given.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration OUTPUT = Duration.ofSeconds(40);
    private static SingleKafkaRegion broker;
    private static FlinkSessionCluster session;

    @BeforeAll
    static void start() throws Exception {
        // both mostly wait for their JVM to come up: side by side, not one after the other
        CompletableFuture<SingleKafkaRegion> kafka = CompletableFuture.supplyAsync(() -> {
            try {
                return SingleKafkaRegion.start(WORK.resolve("kafka"), START_TIMEOUT);
            } catch (IOException e) {
                throw new IllegalStateException("the broker did not start", e);
            }
        });
        try {
            long begin = System.nanoTime();
            // a slot for each job that may run at once (four tests side by side, one with two jobs), one spare
            // for a job still cancelling
            session = FlinkSessionCluster.start(WORK.resolve("session"), WORK.resolve("flink-session.log"), 6, START_TIMEOUT);
            System.out.printf("MEASURE flink.session.start-to-ready %d ms, rss %d MB%n",
                    Duration.ofNanos(System.nanoTime() - begin).toMillis(), ProcessMemory.rssMegabytes(session.process().pid()));
        } finally {
            broker = kafka.join();
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        assertThat(ChildProcesses.alive()).isEmpty();
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void aSyntaxErrorNamesTheFileAndTheLineOfTheTypo() {
        assertThatThrownBy(() -> FlinkSqlJob.submitTo(session, "flink-broken-syntax",
                List.of(SqlFixtures.resolved("broken/tables.sql", Map.of()),
                        SqlFixtures.resolved("broken/syntax.sql", Map.of())),
                WORK.resolve("broken-syntax"), TIMEOUT))
                .isInstanceOf(ScenarioDefinitionException.class)
                // Flink reads "FROMM" as an alias of event_type and stumbles on the next word
                .hasMessageStartingWith("pipelines/broken/syntax.sql:4:7: ")
                .hasMessageContaining("statement starting at line 2 (INSERT INTO sink_events)")
                .hasMessageContaining("Encountered \"events\"")
                .hasMessageNotContaining("Was expecting");
        assertThat(session.process().isAlive()).isTrue();
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void anUnknownColumnInsideAStatementSetBlockNamesTheLineOfTheColumnAndLeavesTheSessionRunning() {
        assertThatThrownBy(() -> FlinkSqlJob.submitTo(session, "flink-broken-column",
                List.of(SqlFixtures.resolved("broken/tables.sql", Map.of()),
                        SqlFixtures.resolved("broken/unknown-column.sql", Map.of())),
                WORK.resolve("broken-column"), TIMEOUT))
                .isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageStartingWith("pipelines/broken/unknown-column.sql:5:20: ")
                .hasMessageContaining("statement starting at line 4 (INSERT INTO sink_events)")
                .hasMessageContaining("Column 'no_such_column' not found");
        assertThat(session.process().isAlive()).isTrue();
    }

    /**
     * The value stands in a datagen option that only the real value satisfies ({@code random}), so
     * the job runs only if Flink got it; the files written for the job hold the reference.
     */
    @Test
    @Order(3)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void aSecretGoesWithTheSubmissionAndNoFileHoldsIt() throws Exception {
        String value = "random";
        PipelineFile sql = SqlFixtures.resolved("secrets/secret-option.sql",
                PlaceholderValues.referencingSecrets(Map.of("postgres.password", value)));
        Path jobDir = WORK.resolve("secrets");
        try (FlinkSqlJob job = FlinkSqlJob.submitTo(session, "flink-secrets", List.of(sql),
                PlaceholderValues.secretsOf(Map.of("postgres.password", value)), jobDir, TIMEOUT)) {
            assertThat(job.state()).isEqualTo("RUNNING");
        }
        try (Stream<Path> files = Files.list(jobDir.resolve("sql"))) {
            List<Path> sqlFiles = files.toList();
            assertThat(sqlFiles).isNotEmpty();
            for (Path file : sqlFiles) {
                assertThat(Files.readString(file)).contains("'${secret.postgres.password}'");
            }
        }
        // the SQL copy, the session's answer (status.properties) and the checkpoints alike
        try (Stream<Path> files = Files.walk(jobDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s", file).doesNotContain("'" + value + "'");
            }
        }
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void restoresFromTheLatestCheckpointOrStartsAfreshWhenThereIsNone() throws Exception {
        Path checkpoints = WORK.resolve("generated/checkpoints");
        FlinkSqlJob job = FlinkSqlJob.submitTo(session, "flink-generated",
                List.of(SqlFixtures.resolved("generated/generated.sql", Map.of())), WORK.resolve("generated"), TIMEOUT);
        try {
            System.out.printf("MEASURE flink.session.submit-to-running %d ms (datagen -> blackhole)%n",
                    job.lastStartToRunning().toMillis());
            assertThat(job.state()).isEqualTo("RUNNING");
            assertThat(job.restoredFrom()).isEmpty();
            assertThat(job.restUrl().toString()).startsWith("http://127.0.0.1:");

            job.awaitCompletedCheckpoints(2, Duration.ofSeconds(20));
            String firstJob = job.jobId();
            job.kill();
            assertThat(job.state()).isEqualTo("CANCELED");
            job.restartFromLatestCheckpoint(TIMEOUT);
            System.out.printf("MEASURE flink.session.restart-from-checkpoint-to-running %d ms (datagen -> blackhole)%n",
                    job.lastStartToRunning().toMillis());
            assertThat(job.jobId()).isNotEqualTo(firstJob);
            assertThat(job.restoredFrom()).hasValueSatisfying(path ->
                    assertThat(path).startsWith(checkpoints.resolve(firstJob)));

            // a crash before the first checkpoint: nothing to restore, so the job starts afresh
            job.kill();
            deleteContents(checkpoints);
            job.restartFromLatestCheckpoint(TIMEOUT);
            assertThat(job.restoredFrom()).isEmpty();
            assertThat(job.state()).isEqualTo("RUNNING");
            job.awaitCompletedCheckpoints(1, Duration.ofSeconds(20));
        } finally {
            job.close();
        }
        assertThat(job.state()).isEqualTo("CANCELED");
        assertThat(session.process().isAlive()).isTrue();
        // cancelled, yet its checkpoints are kept for a later restore
        try (Stream<Path> kept = Files.walk(checkpoints)) {
            assertThat(kept.filter(path -> path.getFileName().toString().equals("_metadata"))).isNotEmpty();
        }
    }

    /**
     * The routing job is killed while events keep arriving, then restored from its last retained
     * checkpoint: a read_committed consumer still sees every event exactly once, because the sinks'
     * Kafka transactions are committed only with a checkpoint, and the transactions the killed job
     * left open are aborted when the restored job starts.
     */
    @Test
    @Order(5)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void outputStaysExactAfterAJobIsKilledMidStreamAndRestoredFromItsLastCheckpoint() throws Exception {
        int events = 300;
        try (FlinkSqlJob job = routing("r-")) {
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> produceSlowly("r-", events, sent));

            await("a third of the events sent").atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= events / 3);
            job.awaitCompletedCheckpoints(1, Duration.ofSeconds(20));
            String killedJob = job.jobId();
            job.kill();
            int sentAtKill = sent.get();
            assertThat(job.state()).isEqualTo("CANCELED");

            job.restartFromLatestCheckpoint(TIMEOUT);
            System.out.printf("MEASURE flink.session.restart-from-checkpoint-to-running %d ms (killed at event %d)%n",
                    job.lastStartToRunning().toMillis(), sentAtKill);
            assertThat(job.jobId()).isNotEqualTo(killedJob);
            assertThat(job.restoredFrom()).hasValueSatisfying(checkpoint ->
                    assertThat(checkpoint.toString()).contains(killedJob).contains("chk-"));
            assertThat(job.state()).isEqualTo("RUNNING");

            producer.get(60, TimeUnit.SECONDS);
            for (String type : BusinessEvents.TYPES) {
                List<String> expected = BusinessEvents.expectedIds(type, 0, events);
                await("r-: all " + expected.size() + " " + type + " events, committed").atMost(OUTPUT)
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(routedIds("r-", type)).hasSameSizeAs(expected));
            }
            // two more checkpoints: a duplicate committed late would show now
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, Duration.ofSeconds(20));
            for (String type : BusinessEvents.TYPES) {
                assertThat(routedIds("r-", type)).as("committed events on r-filtered_%s_events", type)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(BusinessEvents.expectedIds(type, 0, events));
            }
        }
    }

    /**
     * A 30-minute tumbling event-time window COUNT per user (seed 004's purchase_windowed_counts) fires
     * for events on both sides of a window boundary, although most partitions of the input stay empty:
     * {@code scan.watermark.idle-timeout} lets the watermark pass them by.
     *
     * <p>The flip side, which this test has to respect and pipelines' generators too: a partition idle
     * for longer than the timeout stops holding the watermark back, so events that arrive on it later
     * than a newer event on another partition are late and dropped by the window.
     */
    @Test
    @Order(6)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void countsPerUserInThirtyMinuteWindowsOnBothSidesOfABoundary() throws Exception {
        broker.createTopic("purchases", 4);
        broker.createTopic("purchase_windowed_counts", 1);
        Map<String, String> placeholders = Map.of("kafka.bootstrap", broker.bootstrapServers(), "namespace", "window-it");
        try (FlinkSqlJob job = FlinkSqlJob.submitTo(session, "flink-windows",
                List.of(SqlFixtures.resolved("window/tables.sql", placeholders),
                        SqlFixtures.resolved("window/counts.sql", placeholders)),
                WORK.resolve("windows"), TIMEOUT)) {

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

            await("the windows [10:00, 10:30) and [10:30, 11:00) to fire").atMost(OUTPUT)
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(windowCounts()).hasSize(4));
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, Duration.ofSeconds(20));
            assertThat(windowCounts()).containsExactlyInAnyOrder(
                    "alice 2026-11-22 10:00:00 2",
                    "bob 2026-11-22 10:00:00 3",
                    "alice 2026-11-22 10:30:00 1",
                    "bob 2026-11-22 10:30:00 1");
        }
    }

    @Test
    @Order(7)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ)
    void eachScenarioHasItsOwnJobThatCanBeKilledPausedAndRestoredAlone() throws Exception {
        try (FlinkSqlJob a = routing("a-"); FlinkSqlJob b = routing("b-")) {
            System.out.printf("MEASURE flink.session.submit-to-running %d ms (first), %d ms (second)%n",
                    a.lastStartToRunning().toMillis(), b.lastStartToRunning().toMillis());
            assertThat(a.jobId()).isNotEqualTo(b.jobId());
            assertThat(a.process().pid()).isEqualTo(b.process().pid()).isEqualTo(session.process().pid());

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
            assertThat(b.state()).isEqualTo("RUNNING");
            produce("a-", 200, 100);
            a.resume(TIMEOUT);
            assertThat(a.state()).isEqualTo("RUNNING");
            assertThat(a.restoredFrom()).hasValueSatisfying(path -> assertThat(path.toString()).contains("savepoint"));
            produce("b-", 100, 100);

            awaitExact("a-", 300);
            awaitExact("b-", 200);
        }
        assertThat(session.process().isAlive()).isTrue();
    }

    /** Alone: it kills the TaskManager every job of the session runs on. */
    @Test
    @Order(8)
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TASK_MANAGER, mode = ResourceAccessMode.READ_WRITE)
    void everyJobRestoresFromItsCheckpointWhenTheSharedTaskManagerIsKilledAndReplaced() throws Exception {
        try (FlinkSqlJob c = routing("c-"); FlinkSqlJob d = routing("d-")) {
            produce("c-", 0, 100);
            produce("d-", 0, 100);
            c.awaitCompletedCheckpoints(1, TIMEOUT);
            d.awaitCompletedCheckpoints(1, TIMEOUT);

            session.killTaskManager();
            assertThat(session.isTaskManagerRunning()).isFalse();
            produce("c-", 100, 100);
            produce("d-", 100, 50);
            long replaced = System.nanoTime();
            session.startTaskManager(TIMEOUT);
            c.awaitReady(TIMEOUT);
            d.awaitReady(TIMEOUT);
            System.out.printf("MEASURE flink.session.taskmanager-replaced-to-jobs-running %d ms%n",
                    Duration.ofNanos(System.nanoTime() - replaced).toMillis());

            awaitExact("c-", 200);
            awaitExact("d-", 150);
        }
        assertThat(session.process().isAlive()).isTrue();
    }

    /** The routing pipeline with topics, group and transactional ids of its own, as each scenario has. */
    private static FlinkSqlJob routing(String namespace) throws Exception {
        broker.createTopic(namespace + "raw_business_events", 3);
        for (String type : BusinessEvents.TYPES) {
            broker.createTopic(namespace + "filtered_" + type + "_events", 2);
        }
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

    /** About 70 events a second, so the kill lands while records flow and transactions are open. */
    private static void produceSlowly(String namespace, int events, AtomicInteger sent) {
        try {
            for (int first = 0; first < events; first += 10) {
                produce(namespace, first, 10);
                sent.addAndGet(10);
                TimeUnit.MILLISECONDS.sleep(150); // pacing of the input, not a wait for readiness
            }
        } catch (Exception e) {
            throw new IllegalStateException("Producing the raw events failed after " + sent.get(), e);
        }
    }

    private static void awaitExact(String namespace, int events) {
        for (String type : BusinessEvents.TYPES) {
            List<String> expected = BusinessEvents.expectedIds(type, 0, events);
            await(namespace + ": all " + expected.size() + " " + type + " events, committed, once")
                    .atMost(OUTPUT).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(routedIds(namespace, type)).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(expected));
        }
    }

    private static List<String> routedIds(String namespace, String type) {
        return KafkaRecords.readCommittedValues(broker.bootstrapServers(), namespace + "filtered_" + type + "_events")
                .stream().map(json -> BusinessEvents.field(json, "event_id")).toList();
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

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).toList()) {
                Files.delete(path);
            }
        }
    }
}
