package dev.pipelineharness.local.failover;

import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.local.kafka.KafkaRegion;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** What the failover runbook needs of an embedded deployment: to move its Flink job, and to own what it starts. */
public interface MovableDeployment {

    /**
     * Cancels the deployment's Flink job (without waiting: its region is gone) and submits its SQL again,
     * resolved against {@code region} and passed through {@code rewrite}; returns the SQL the new job runs,
     * empty when the pipeline has no Flink SQL.
     */
    List<PipelineFile> resubmitFlink(KafkaRegion region, UnaryOperator<String> rewrite)
            throws IOException, InterruptedException;

    /** The Flink SQL the deployment runs now, resolved; empty when the pipeline has none. */
    List<PipelineFile> flinkSql();

    /** Something the failover started for the deployment, stopped first when it is undeployed. */
    void ownFailoverResource(AutoCloseable resource);
}
