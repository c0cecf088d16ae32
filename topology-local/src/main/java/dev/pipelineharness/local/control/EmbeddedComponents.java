package dev.pipelineharness.local.control;

import dev.pipelineharness.local.EmbeddedTopology;
import dev.pipelineharness.local.connect.ConnectWorker;
import dev.pipelineharness.local.dynamodb.DynamoDbLocalServer;
import dev.pipelineharness.local.flink.FlinkSessionCluster;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.mirror.MirrorMaker;
import dev.pipelineharness.local.postgres.PostgresServer;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.local.proxy.LinkProxy;
import dev.pipelineharness.local.registry.SchemaRegistryServer;
import java.nio.file.Path;

/**
 * The running parts of an {@link EmbeddedTopology}: what faults act on (processes to kill or pause,
 * links to cut) and what benchmarks measure.
 */
public record EmbeddedComponents(LinkProxies proxies, KafkaRegion east, KafkaRegion west, PostgresServer postgres,
                                 DynamoDbLocalServer dynamoDb, SchemaRegistryServer registry, ConnectWorker connect,
                                 MirrorMaker mirror, FlinkSessionCluster flink, LinkProxy connectToPostgres, LinkProxy connectToDynamoDb,
                                 Path logDirectory, Path runDirectory) {

    public KafkaRegion region(String name) {
        return switch (name) {
            case "east" -> east;
            case "west" -> west;
            default -> throw new IllegalArgumentException("No region '" + name + "' in the embedded topology");
        };
    }
}
