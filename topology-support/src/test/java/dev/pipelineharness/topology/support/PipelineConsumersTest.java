package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.PipelineFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineConsumersTest {

    private static PipelineFile sql(String text) {
        return new PipelineFile(Path.of("flink/job.sql"), "pipelines/p/flink/job.sql", text);
    }

    @Test
    void flinkSourcesWithAGroupIdAreFollowedAndSinksAreNot() {
        PipelineConsumers consumers = PipelineConsumers.of(List.of(sql("""
                CREATE TABLE raw (id STRING) WITH (
                    'connector' = 'kafka',
                    'topic' = 'r1_s_1_raw',
                    'properties.group.id' = 'r1_s_1_routing',
                    'scan.startup.mode' = 'earliest-offset');
                create table more (id STRING) with ('connector' = 'kafka', 'topic' = 'r1_s_1_a;r1_s_1_b',
                    'properties.group.id' = 'r1_s_1_routing');
                CREATE TABLE out (id STRING) WITH (
                    'connector' = 'kafka',
                    'topic' = 'r1_s_1_out',
                    'sink.delivery-guarantee' = 'exactly-once');
                CREATE TABLE lookup (id STRING) WITH ('connector' = 'jdbc', 'table-name' = 'x');
                """)), List.of());

        assertThat(consumers.groups()).isEqualTo(Map.of("r1_s_1_routing", Set.of("r1_s_1_raw", "r1_s_1_a", "r1_s_1_b")));
        assertThat(consumers.unmeasured()).isEmpty();
    }

    @Test
    void whatAConsumerGroupCannotShowIsNamed() {
        PipelineConsumers consumers = PipelineConsumers.of(List.of(sql("""
                CREATE TABLE raw (id STRING) WITH ('connector' = 'kafka', 'topic' = 'r1_raw',
                    'scan.startup.mode' = 'earliest-offset');
                CREATE TABLE any (id STRING) WITH ('connector' = 'kafka', 'topic-pattern' = 'r1_.*',
                    'properties.group.id' = 'g');
                """)), List.of(
                new ConnectorFile("r1_cdc", Map.of("connector.class", "io.debezium.connector.postgresql.PostgresConnector",
                        "slot.name", "r1_slot"), "cdc.json"),
                new ConnectorFile("r1_dynamo", Map.of("connector.class",
                        "dev.pipelineharness.connect.dynamodb.DynamoDbStreamsSourceConnector",
                        "dynamodb.table.name", "r1_interactions"), "dynamo.json"),
                new ConnectorFile("r1_s3", Map.of("connector.class", "io.confluent.connect.s3.source.S3SourceConnector"), "s3.json"),
                new ConnectorFile("r1_sink", Map.of("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector",
                        "topics", "r1_out, r1_more"), "sink.json")));

        assertThat(consumers.unmeasured()).containsExactly(
                "Flink source of r1_raw in pipelines/p/flink/job.sql (no properties.group.id, so it commits no offsets)",
                "Flink source in pipelines/p/flink/job.sql (reads a topic pattern)",
                "source connector r1_s3 (S3SourceConnector: its position in the source is not a consumer offset)");
        assertThat(consumers.dynamoStreams()).isEqualTo(Map.of("r1_dynamo", "r1_interactions"));
        assertThat(consumers.postgresSlots()).containsExactly("r1_slot");
        assertThat(consumers.groups()).isEqualTo(Map.of("connect-r1_sink", Set.of("r1_out", "r1_more")));
    }
}
