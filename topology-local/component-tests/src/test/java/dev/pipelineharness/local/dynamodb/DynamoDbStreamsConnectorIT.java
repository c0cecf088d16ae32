package dev.pipelineharness.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceTask;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The project's DynamoDB Streams source task against a real DynamoDB Local: put, update and delete come
 * out of {@code poll()} as INSERT, MODIFY and tombstone, in order; a new task resumes after the stored offset.
 * The task is driven directly (the Connect worker round trip is the topology's integration test).
 */
@ExtendWith(SharesTheMachine.class)
class DynamoDbStreamsConnectorIT {

    @TempDir
    static Path workDir;
    static DynamoDbLocalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DynamoDbLocalServer.start(workDir, workDir.resolve("logs/dynamodb.log"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void putUpdateDeleteArriveInOrderAndANewTaskResumesAfterTheOffset() throws Exception {
        CreatedTable table = server.createTable(new DynamoTableSpec("user-personalization", "user_id", "S",
                "timestamp", "N", "NEW_IMAGE"), "it-user-personalization");
        Map<Map<String, ?>, Map<String, Object>> committedOffsets = new HashMap<>();

        DynamoDbStreamsSourceTask task = startTask(committedOffsets);
        List<SourceRecord> records;
        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint())) {
            client.putItem(b -> b.tableName(table.physicalName()).item(item("u1", "1", "click", "1")));
            client.updateItem(b -> b.tableName(table.physicalName()).key(key("u1", "1"))
                    .updateExpression("SET quantity = :q, event_type = :e")
                    .expressionAttributeValues(Map.of(":q", AttributeValue.fromN("3"), ":e", AttributeValue.fromS("purchase"))));
            client.deleteItem(b -> b.tableName(table.physicalName()).key(key("u1", "1")));
            records = pollUntil(task, 3);
        } finally {
            task.stop();
        }

        assertThat(records).extracting(r -> r.headers().lastWithName("dynamodb.op").value())
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records).extracting(r -> ((Struct) r.key()).getString("user_id")).containsOnly("u1");
        Struct inserted = (Struct) records.get(0).value();
        assertThat(inserted.getString("event_type")).isEqualTo("click");
        assertThat(inserted.getInt64("quantity")).isEqualTo(1L);
        assertThat(inserted.getInt64("timestamp")).isEqualTo(1L);
        Struct modified = (Struct) records.get(1).value();
        assertThat(modified.getString("event_type")).isEqualTo("purchase");
        assertThat(modified.getInt64("quantity")).isEqualTo(3L);
        assertThat(records.get(2).value()).isNull();
        assertThat(records).extracting(r -> (Object) r.sourcePartition().get("stream_arn")).containsOnly(table.latestStreamArn().get());
        assertThat(records).extracting(r -> r.topic()).containsOnly("interaction_data");

        // what the worker would have committed: the last offset per source partition
        records.forEach(r -> committedOffsets.put(r.sourcePartition(), new HashMap<>(r.sourceOffset())));
        DynamoDbStreamsSourceTask resumed = startTask(committedOffsets);
        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint())) {
            client.putItem(b -> b.tableName(table.physicalName()).item(item("u2", "2", "view", "1")));
            List<SourceRecord> afterRestart = pollUntil(resumed, 1);
            assertThat(afterRestart).extracting(r -> ((Struct) r.key()).getString("user_id")).containsExactly("u2");
            assertThat(resumed.poll()).isNullOrEmpty(); // nothing read twice
        } finally {
            resumed.stop();
        }
    }

    @Test
    void streamProgressSaysWhetherTheCommittedOffsetsCoverTheWholeStream() throws Exception {
        CreatedTable table = server.createTable(new DynamoTableSpec("progress", "id", "S", null, null, "NEW_IMAGE"), "it-progress");
        Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();
        DynamoStreamProgress progress = new DynamoStreamProgress(server.endpoint(), connector -> committed.entrySet().stream()
                .map(entry -> Map.entry(texts(entry.getKey()), texts(entry.getValue()))).toList());
        Map<String, String> source = Map.of("it_progress_cdc", table.physicalName());
        DynamoDbStreamsSourceTask task = startTask(table.physicalName(), Map.of());
        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint())) {
            assertThat(progress.behind(source)).isEmpty(); // an empty stream is read to its end

            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of("id", AttributeValue.fromS("a"))));
            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of("id", AttributeValue.fromS("b"))));
            assertThat(progress.behind(source)).hasValueSatisfying(behind ->
                    assertThat(behind).startsWith("connector it_progress_cdc has not read shard "));

            // what the worker commits once Kafka acknowledged the records
            pollUntil(task, 2).forEach(r -> committed.put(r.sourcePartition(), new HashMap<>(r.sourceOffset())));
            assertThat(progress.behind(source)).isEmpty();

            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of("id", AttributeValue.fromS("c"))));
            assertThat(progress.behind(source)).isPresent();
        } finally {
            task.stop();
        }
    }

    private static Map<String, String> texts(Map<String, ?> values) {
        Map<String, String> texts = new HashMap<>();
        values.forEach((key, value) -> texts.put(key, String.valueOf(value)));
        return texts;
    }

    @Test
    void tableWithoutStreamOrMissingTableFailsTheTaskWithAClearMessage() {
        server.createTable(new DynamoTableSpec("no-stream", "id", "S", null, null, null), "it-no-stream");

        assertThatThrownBy(() -> startTask("it-no-stream", Map.of()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'it-no-stream' has no stream enabled");
        assertThatThrownBy(() -> startTask("it-absent", Map.of()))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'it-absent' does not exist at http://127.0.0.1:");
    }

    @Test
    void pausedDynamoDbMakesThePollRetriableAndChangesFlowAfterResume() throws Exception {
        CreatedTable table = server.createTable(new DynamoTableSpec("paused", "id", "S", null, null, "NEW_AND_OLD_IMAGES"), "it-paused");
        DynamoDbStreamsSourceTask task = startTask(table.physicalName(), Map.of(), Map.of("aws.call.timeout.ms", "1500"));
        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint())) {
            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of("id", AttributeValue.fromS("before"))));
            assertThat(pollUntil(task, 1)).extracting(r -> ((Struct) r.key()).getString("id")).containsExactly("before");

            server.process().pause();
            try {
                long started = System.nanoTime();
                // a poll that returns instead says what it returned, to tell a real bug from a slow signal
                assertThatThrownBy(() -> System.out.println("poll returned while DynamoDB Local was paused: " + task.poll()))
                        .isInstanceOf(RetriableException.class).hasMessageContaining("it-paused");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            } finally {
                server.process().resume();
            }

            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of("id", AttributeValue.fromS("after"))));
            assertThat(pollUntil(task, 1)).extracting(r -> ((Struct) r.key()).getString("id")).containsExactly("after");
        } finally {
            task.stop();
        }
    }

    private static DynamoDbStreamsSourceTask startTask(Map<Map<String, ?>, Map<String, Object>> offsets) {
        return startTask("it-user-personalization", offsets);
    }

    private static DynamoDbStreamsSourceTask startTask(String table, Map<Map<String, ?>, Map<String, Object>> offsets) {
        return startTask(table, offsets, Map.of());
    }

    private static DynamoDbStreamsSourceTask startTask(String table, Map<Map<String, ?>, Map<String, Object>> offsets,
                                                       Map<String, String> extra) {
        DynamoDbStreamsSourceTask task = new DynamoDbStreamsSourceTask();
        task.initialize(new FixedOffsetsContext(offsets));
        Map<String, String> props = new HashMap<>(Map.of(
                "dynamodb.table.name", table,
                "kafka.topic", "interaction_data",
                "aws.endpoint.override", server.endpoint().endpointOverride().orElseThrow().toString(),
                "aws.region", server.endpoint().region(),
                "aws.access.key.id", server.endpoint().accessKeyId().orElseThrow(),
                "aws.secret.access.key", server.endpoint().secretAccessKey().orElseThrow().reveal(),
                "poll.interval.ms", "100"));
        props.putAll(extra);
        task.start(props);
        return task;
    }

    private static List<SourceRecord> pollUntil(DynamoDbStreamsSourceTask task, int count) {
        List<SourceRecord> records = new ArrayList<>();
        Awaitility.await(count + " records from the DynamoDB Streams task")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO)
                .until(() -> {
                    List<SourceRecord> batch = task.poll();
                    if (batch != null) {
                        records.addAll(batch);
                    }
                    return records.size() >= count;
                });
        assertThat(records).hasSize(count);
        return records;
    }

    private static Map<String, AttributeValue> key(String user, String timestamp) {
        return Map.of("user_id", AttributeValue.fromS(user), "timestamp", AttributeValue.fromN(timestamp));
    }

    private static Map<String, AttributeValue> item(String user, String timestamp, String eventType, String quantity) {
        Map<String, AttributeValue> item = new HashMap<>(key(user, timestamp));
        item.put("event_type", AttributeValue.fromS(eventType));
        item.put("quantity", AttributeValue.fromN(quantity));
        return item;
    }

    /** The worker's offset store, reduced to what the task reads: the offsets committed before it started. */
    private record FixedOffsetsContext(Map<Map<String, ?>, Map<String, Object>> offsets) implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
            return null; // the task registers no metrics
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return offsets.get(partition);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                    partitions.forEach(p -> found.put(p, offsets.get(p)));
                    return found;
                }
            };
        }
    }
}
