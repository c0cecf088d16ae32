package dev.pipelineharness.topology.support;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;

/**
 * What every topology's deployment of a pipeline folder answers the same way: its pipeline, its
 * namespace and the physical names of its topics, tables and schema ({@link NamespacedNames}). A
 * topology adds how it creates and removes them.
 */
public abstract class NamespacedDeployment implements Deployment {

    protected final PipelineDefinition pipeline;
    protected final Namespace namespace;
    protected final NamespacedNames names;
    /** The PostgreSQL schema of the deployment ({@link NamespacedNames#postgresSchema()}). */
    protected final String schema;

    protected NamespacedDeployment(PipelineDefinition pipeline, Namespace namespace) {
        this.pipeline = pipeline;
        this.namespace = namespace;
        this.names = new NamespacedNames(pipeline, namespace);
        this.schema = names.postgresSchema();
    }

    @Override
    public final Namespace namespace() {
        return namespace;
    }

    @Override
    public final PipelineDefinition pipeline() {
        return pipeline;
    }

    @Override
    public final String topic(String logicalName) {
        return names.topic(logicalName);
    }

    @Override
    public final String postgresSchema() {
        return schema;
    }

    @Override
    public final String dynamoTable(String logicalName) {
        return names.dynamoTable(logicalName);
    }
}
