package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.TopicSpec;

/**
 * The physical names of one deployment's topics, tables, schema and connectors: every name carries
 * the namespace's prefix, so scenarios sharing a topology (or a cloud environment) never meet. A
 * logical name the pipeline does not declare is a programming error with the declared names listed.
 */
public final class NamespacedNames {

    private final PipelineDefinition pipeline;
    private final Namespace namespace;

    public NamespacedNames(PipelineDefinition pipeline, Namespace namespace) {
        this.pipeline = pipeline;
        this.namespace = namespace;
    }

    /** {@code prefix + logicalName}, for any name of the namespace. */
    public static String physical(Namespace namespace, String logicalName) {
        return namespace.prefix() + logicalName;
    }

    public String topic(String logicalName) {
        if (pipeline.topic(logicalName).isEmpty()) {
            throw new IllegalArgumentException("Pipeline '" + pipeline.name() + "' declares no topic '" + logicalName
                    + "'; it declares " + pipeline.topics().stream().map(TopicSpec::name).toList());
        }
        return physical(namespace, logicalName);
    }

    public String dynamoTable(String logicalName) {
        if (pipeline.dynamoTables().stream().noneMatch(table -> table.name().equals(logicalName))) {
            throw new IllegalArgumentException("Pipeline '" + pipeline.name() + "' declares no DynamoDB table '"
                    + logicalName + "'; it declares " + pipeline.dynamoTables().stream().map(DynamoTableSpec::name).toList());
        }
        return physical(namespace, logicalName);
    }

    /** The PostgreSQL schema of the deployment: the prefix without its trailing underscore. */
    public String postgresSchema() {
        String prefix = namespace.prefix();
        return prefix.substring(0, prefix.length() - 1);
    }

    /** A connector's name, prefixed unless the pipeline file already used {@code ${namespace}}. */
    public String connector(String writtenName) {
        return writtenName.startsWith(namespace.prefix()) ? writtenName : physical(namespace, writtenName);
    }
}
