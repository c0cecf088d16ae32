package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The pipeline under test, as data: read from the folder a scenario names ({@code pipeline.yaml} and
 * the files it lists). The same definition drives every topology; the topology fills the
 * placeholders ({@code ${topic.NAME}}, ...) with its own endpoints and the scenario's {@link Namespace}.
 *
 * @param flinkSql    Flink SQL files, submitted together as one statement set, in this order
 * @param connectors  Kafka Connect connector configurations ({@code {"name": ..., "config": {...}}})
 * @param postgresDdl DDL run in the scenario's PostgreSQL schema before the connectors start
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PipelineDefinition(String name, Path folder, List<TopicSpec> topics,
                                 List<DynamoTableSpec> dynamoTables, List<PipelineFile> postgresDdl,
                                 List<PipelineFile> flinkSql, List<PipelineFile> connectors) {

    public PipelineDefinition {
        topics = List.copyOf(topics);
        dynamoTables = List.copyOf(dynamoTables);
        postgresDdl = List.copyOf(postgresDdl);
        flinkSql = List.copyOf(flinkSql);
        connectors = List.copyOf(connectors);
    }

    public Optional<TopicSpec> topic(String logicalName) {
        return topics.stream().filter(topic -> topic.name().equals(logicalName)).findFirst();
    }
}
