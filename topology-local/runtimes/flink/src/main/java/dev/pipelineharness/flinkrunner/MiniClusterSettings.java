package dev.pipelineharness.flinkrunner;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;

/**
 * The configuration of the local MiniCluster the pipeline runs on: checkpoints every second,
 * exactly-once, kept on disk when the job is cancelled (so a crashed or stopped job can be restored),
 * the REST API on a port the harness chose, and memory sized for a laptop shared with brokers.
 */
final class MiniClusterSettings {

    /**
     * Network buffers are allocated up front as direct memory; Flink's local default (64 MiB) is
     * more than a job of a few operators at parallelism 1-2 needs. Managed memory is used only by
     * RocksDB and batch operators, neither of which runs here.
     */
    static final String NETWORK_MEMORY = "32m";
    static final String MANAGED_MEMORY = "16m";

    private MiniClusterSettings() {
    }

    static Configuration of(RunnerArguments arguments, Path restoreFrom) {
        Configuration configuration = new Configuration();
        configuration.setString("pipeline.name", arguments.jobName());
        configuration.setString("parallelism.default", Integer.toString(arguments.parallelism()));
        configuration.setString("taskmanager.numberOfTaskSlots", Integer.toString(Math.max(2, arguments.parallelism())));

        configuration.setString("rest.address", "127.0.0.1");
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("rest.port", Integer.toString(arguments.restPort()));
        configuration.setString("rest.bind-port", Integer.toString(arguments.restPort()));

        configuration.setString("execution.checkpointing.interval", arguments.checkpointIntervalMillis() + " ms");
        configuration.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        configuration.setString("execution.checkpointing.num-retained", "2");
        configuration.setString("execution.checkpointing.storage", "filesystem");
        configuration.setString("execution.checkpointing.dir", arguments.checkpointDirectory().toUri().toString());
        configuration.setString("state.backend.type", "hashmap");
        // a broker outage (a fault the harness injects) must not exhaust the restarts: retry, but quickly
        configuration.setString("restart-strategy.type", "exponential-delay");
        configuration.setString("restart-strategy.exponential-delay.initial-backoff", "500 ms");
        configuration.setString("restart-strategy.exponential-delay.max-backoff", "5 s");

        configuration.setString("taskmanager.memory.network.min", NETWORK_MEMORY);
        configuration.setString("taskmanager.memory.network.max", NETWORK_MEMORY);
        configuration.setString("taskmanager.memory.managed.size", MANAGED_MEMORY);

        if (restoreFrom != null) {
            configuration.setString("execution.state-recovery.path", restoreFrom.toUri().toString());
        }
        return configuration;
    }
}
