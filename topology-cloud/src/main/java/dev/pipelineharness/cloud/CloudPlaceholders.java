package dev.pipelineharness.cloud;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.cloud.kafka.KafkaCluster;
import dev.pipelineharness.topology.support.NamespacedNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The placeholder values of the cloud: the names every topology offers ({@code ${topic.NAME}},
 * {@code ${namespace}}, {@code ${postgres.*}}, {@code ${dynamodb.*}}, {@code ${kafka.bootstrap}},
 * {@code ${registry.url}}) plus what managed connectors need: {@code ${kafka.api-key}},
 * {@code ${kafka.api-secret}}, {@code ${kafka.cluster-id}}. Secret values filled into a file stay
 * known to the masker, so a plan or an error quoting that file shows {@code ******}.
 */
final class CloudPlaceholders {

    private CloudPlaceholders() {
    }

    static Map<String, String> of(CloudServices services, PipelineDefinition pipeline, Namespace namespace, String schema) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namespace", namespace.prefix());
        for (TopicSpec topic : pipeline.topics()) {
            values.put("topic." + topic.name(), NamespacedNames.physical(namespace, topic.name()));
        }
        for (DynamoTableSpec table : pipeline.dynamoTables()) {
            values.put("dynamodb.table." + table.name(), NamespacedNames.physical(namespace, table.name()));
        }
        KafkaCluster primary = services.primary().cluster();
        values.put("kafka.bootstrap", primary.bootstrap());
        values.put("kafka.cluster-id", primary.clusterId());
        values.put("kafka.api-key", primary.credentials().key().reveal());
        values.put("kafka.api-secret", primary.credentials().secret().reveal());
        values.put("registry.url", services.registry.map(registry -> registry.url().toString()).orElse(""));
        values.put("postgres.schema", schema);
        services.postgres.ifPresent(jdbc -> {
            values.put("postgres.host", jdbc.host());
            values.put("postgres.port", Integer.toString(jdbc.port()));
            values.put("postgres.database", jdbc.database());
            values.put("postgres.user", jdbc.user());
            values.put("postgres.password", jdbc.password().reveal());
            values.put("postgres.jdbc-url", jdbc.url());
        });
        services.dynamoDb.ifPresent(dynamo -> {
            values.put("dynamodb.region", dynamo.region());
            values.put("dynamodb.endpoint", dynamo.endpointOverride().map(Object::toString).orElse(""));
            values.put("dynamodb.access-key-id", dynamo.accessKeyId().orElse(""));
            values.put("dynamodb.secret-access-key", dynamo.secretAccessKey().map(Secret::reveal).orElse(""));
        });
        return values;
    }
}
