package dev.pipelineharness.flinkrunner;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;

/**
 * What belongs to one job, wherever it runs: its name and parallelism, checkpoints every interval,
 * exactly-once, into its own directory and kept when the job is cancelled (so a crashed, killed or
 * stopped job can be restored), its restart strategy, and the checkpoint or savepoint it starts from.
 * On a session cluster these travel with the job, so scenarios sharing the cluster never share
 * checkpoints.
 */
final class JobSettings {

    private JobSettings() {
    }

    static void apply(Configuration configuration, String jobName, int parallelism, long checkpointIntervalMillis,
                      Path checkpointDirectory, Path restoreFrom) {
        configuration.setString("pipeline.name", jobName);
        configuration.setString("parallelism.default", Integer.toString(parallelism));
        configuration.setString("execution.checkpointing.interval", checkpointIntervalMillis + " ms");
        configuration.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        configuration.setString("execution.checkpointing.num-retained", "2");
        configuration.setString("execution.checkpointing.storage", "filesystem");
        configuration.setString("execution.checkpointing.dir", checkpointDirectory.toUri().toString());
        configuration.setString("state.backend.type", "hashmap");
        // a broker outage (a fault the harness injects) must not exhaust the restarts: retry, but quickly.
        // The backoff caps how long after a heal the job may still be waiting to restart, which every
        // after-the-heal latency of a fault scenario carries: a 15 s broker restart on a loaded machine
        // grew a 5 s cap to 5 s, and the first records after the heal waited 9 s for the job.
        configuration.setString("restart-strategy.type", "exponential-delay");
        configuration.setString("restart-strategy.exponential-delay.initial-backoff", "500 ms");
        configuration.setString("restart-strategy.exponential-delay.max-backoff", "2 s");
        if (restoreFrom != null) {
            configuration.setString("execution.state-recovery.path", restoreFrom.toUri().toString());
        }
    }
}
