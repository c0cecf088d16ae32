package dev.pipelineharness.cloud.sweep;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
 * DR cluster) and Schema Registry subjects whose names carry the harness prefix and whose run
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
    private final Duration timeout;

    public CloudSweep(FlinkStatementsClient flink, ManagedConnectClient connect, List<KafkaRestClient> clusters,
                      Optional<SchemaRegistryClient> registry, Duration timeout) {
        this.flink = flink;
        this.connect = connect;
        this.clusters = List.copyOf(clusters);
        this.registry = registry;
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
        return new Result(removed, failed);
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
