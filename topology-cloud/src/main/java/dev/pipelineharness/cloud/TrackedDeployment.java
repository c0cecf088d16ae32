package dev.pipelineharness.cloud;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import java.nio.file.Path;
import java.util.List;

/** A deployment the topology keeps track of until it is closed, so that closing the topology removes it if the engine did not. */
record TrackedDeployment(CloudDeployment delegate, Runnable onClose) implements Deployment {

    @Override
    public Namespace namespace() {
        return delegate.namespace();
    }

    @Override
    public PipelineDefinition pipeline() {
        return delegate.pipeline();
    }

    @Override
    public Endpoints endpoints() {
        return delegate.endpoints();
    }

    @Override
    public String topic(String logicalName) {
        return delegate.topic(logicalName);
    }

    @Override
    public String postgresSchema() {
        return delegate.postgresSchema();
    }

    @Override
    public String dynamoTable(String logicalName) {
        return delegate.dynamoTable(logicalName);
    }

    @Override
    public List<Path> logFiles() {
        return delegate.logFiles();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            onClose.run();
        }
    }
}
