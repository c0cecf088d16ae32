package dev.pipelineharness.cloud.sweep;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.cloud.aws.DynamoTables;
import dev.pipelineharness.cloud.aws.PostgresNamespace;
import dev.pipelineharness.cloud.config.HarnessNames;
import dev.pipelineharness.cloud.connect.ManagedConnectClient;
import dev.pipelineharness.cloud.flink.FlinkStatementsClient;
import dev.pipelineharness.cloud.kafka.KafkaRestClient;
import dev.pipelineharness.cloud.registry.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Removes what killed runs left behind: Flink statements, connectors, topics (mirrors too, on the
 * DR cluster), Schema Registry subjects, DynamoDB tables and PostgreSQL schemas (with their
 * replication slots and publications) whose names carry the harness prefix and whose run
 * started more than {@code olderThan} ago. A name without the prefix is never touched, whatever
 * matched it: {@link HarnessNames#requireHarnessName} guards every delete.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CloudSweep {

    /** What one sweep removed (or, in plan mode, would remove), and what failed. */
    public record Result(List<String> removed, List<String> failed) {
    }

    private final FlinkStatementsClient flink;
    private final ManagedConnectClient connect;
    private final List<KafkaRestClient> clusters;
    private final Optional<SchemaRegistryClient> registry;
    private final Optional<DynamoTables> dynamoDb;
    private final Optional<PostgresNamespace> postgres;
    private final Duration timeout;

    public CloudSweep(FlinkStatementsClient flink, ManagedConnectClient connect, List<KafkaRestClient> clusters,
                      Optional<SchemaRegistryClient> registry, Optional<DynamoTables> dynamoDb,
                      Optional<PostgresNamespace> postgres, Duration timeout) {
        this.flink = flink;
        this.connect = connect;
        this.clusters = List.copyOf(clusters);
        this.registry = registry;
        this.dynamoDb = dynamoDb;
        this.postgres = postgres;
        this.timeout = timeout;
    }

    public Result sweep(Duration olderThan, Instant now) {
        Instant cutoff = now.minus(olderThan);
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        // statements and connectors first: they read and write the topics
        for (FlinkStatementsClient.Statement statement : flink.list()) {
            remove("Flink statement", statement.name(), cutoff, removed, failed, name -> flink.delete(name, timeout));
        }
        for (String connector : connect.list()) {
            remove("connector", connector, cutoff, removed, failed, connect::delete);
        }
        for (KafkaRestClient cluster : clusters) {
            for (String topic : cluster.listTopics()) {
                remove("topic on " + cluster.cluster().clusterId(), topic, cutoff, removed, failed,
                        name -> cluster.deleteTopic(name, timeout));
            }
        }
        registry.ifPresent(sr -> sr.subjects().forEach(subject ->
                remove("subject", subject, cutoff, removed, failed, sr::deleteSubject)));
        dynamoDb.ifPresent(tables -> tables.list().forEach(table ->
                remove("DynamoDB table", table, cutoff, removed, failed, name -> tables.delete(name, timeout))));
        postgres.ifPresent(database -> {
            try {
                for (String schema : database.schemas(HarnessNames.MARK)) {
                    // the deployment's slots and publications are named <schema>_...
                    remove("PostgreSQL schema", schema, cutoff, removed, failed, name -> dropSchema(database, name));
                }
            } catch (java.sql.SQLException e) {
                failed.add("PostgreSQL schemas: " + e.getMessage());
            }
        });
        return new Result(removed, failed);
    }

    private void dropSchema(PostgresNamespace database, String schema) {
        try {
            database.dropAll(schema + "_", schema, timeout);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void remove(String kind, String name, Instant cutoff, List<String> removed, List<String> failed,
                               Consumer<String> delete) {
        Optional<Instant> created = HarnessNames.createdAt(name);
        if (created.isEmpty() || !created.get().isBefore(cutoff)) {
            return;
        }
        try {
            delete.accept(HarnessNames.requireHarnessName(name));
            removed.add(kind + " " + name);
        } catch (RuntimeException e) {
            failed.add(kind + " " + name + ": " + e.getMessage());
        }
    }
}
