package dev.pipelineharness.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@ExtendWith(SharesTheMachine.class)
class DynamoDbLocalServerIT {

    @TempDir
    static Path workDir;

    static DynamoDbLocalServer server;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        server = DynamoDbLocalServer.start(workDir, workDir.resolve("logs/dynamodb.log"), Duration.ofSeconds(60));
        System.out.printf("BENCH dynamodb.ready.seconds %.2f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsTableWithStreamAndRecordsChanges() throws Exception {
        CreatedTable table = server.createTable(new DynamoTableSpec("user-personalization", "user_id", "S",
                "timestamp", "N", "NEW_IMAGE"), "run1-user-personalization");
        assertThat(table.latestStreamArn()).isPresent();

        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint());
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .endpointOverride(server.endpoint().endpointOverride().orElseThrow())
                     .region(Region.of(server.endpoint().region()))
                     .credentialsProvider(DynamoDbClients.credentials(server.endpoint()))
                     .build()) {
            client.putItem(b -> b.tableName(table.physicalName()).item(Map.of(
                    "user_id", AttributeValue.fromS("u1"), "timestamp", AttributeValue.fromN("1"),
                    "event", AttributeValue.fromS("purchase"))));
            String shardId = streams.describeStream(b -> b.streamArn(table.latestStreamArn().get()))
                    .streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(table.latestStreamArn().get()).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            assertThat(records).extracting(r -> r.eventName()).containsExactly(OperationType.INSERT);
            assertThat(records.get(0).dynamodb().newImage().get("event").s()).isEqualTo("purchase");
        }
        System.out.printf("BENCH dynamodb.rss.mb %d MB%n", rssMegabytes(server.process().pid()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.createTable(new DynamoTableSpec("user-personalization",
                        "user_id", "S", null, null, null), "run1-user-personalization"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");

        server.deleteTable(table.physicalName());
        server.deleteTable(table.physicalName()); // a second delete is not an error
        try (DynamoDbClient client = DynamoDbClients.client(server.endpoint())) {
            assertThat(client.listTables().tableNames()).doesNotContain(table.physicalName());
        }
    }

    @Test
    void onDiskKeepsItsTablesAcrossKillAndRestart() throws Exception {
        try (DynamoDbLocalServer onDisk = DynamoDbLocalServer.start(workDir.resolve("on-disk"), workDir.resolve("logs/on-disk.log"),
                Duration.ofSeconds(60), DynamoDbLocalServer.Storage.ON_DISK)) {
            CreatedTable table = onDisk.createTable(new DynamoTableSpec("survivor", "id", "S", null, null, null), "survivor");
            assertThat(table.latestStreamArn()).isEmpty();
            long pid = onDisk.process().pid();

            onDisk.kill();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            long restarted = System.nanoTime();
            onDisk.restart(Duration.ofSeconds(60));
            System.out.printf("BENCH dynamodb.restart.seconds %.2f s%n", (System.nanoTime() - restarted) / 1e9);

            try (DynamoDbClient client = DynamoDbClients.client(onDisk.endpoint())) {
                assertThat(client.listTables().tableNames()).contains("survivor");
            }
        }
    }

    @Test
    void closeLeavesNoProcessBehind() throws Exception {
        DynamoDbLocalServer second = DynamoDbLocalServer.start(workDir.resolve("second"), workDir.resolve("logs/second.log"),
                Duration.ofSeconds(60));
        long pid = second.process().pid();
        second.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dev.pipelineharness.local.process.ChildProcesses.alive()).doesNotContain(second.process());
    }

    private static long rssMegabytes(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElseThrow();
    }
}
