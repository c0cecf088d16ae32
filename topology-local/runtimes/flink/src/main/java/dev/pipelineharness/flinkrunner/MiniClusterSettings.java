package dev.pipelineharness.flinkrunner;

import org.apache.flink.configuration.Configuration;

/**
 * The configuration of a local MiniCluster: the REST API on a port the harness chose and memory
 * sized for a laptop shared with brokers. Each job brings its own {@link JobSettings}.
 */
final class MiniClusterSettings {

    /**
     * Network buffers are allocated up front as direct memory; Flink's local default (64 MiB) is
     * more than a job of a few operators at parallelism 1-2 needs. Managed memory is used by RocksDB,
     * batch operators and the streaming window aggregation's hash buffer, which needs a few MB per slot.
     */
    static final String NETWORK_MEMORY = "32m";
    static final int MANAGED_MEMORY_MB_PER_SLOT = 8;
    /**
     * How long the REST API serves a job's state from its cache (Flink's default is the web UI's
     * refresh interval, 3 s). The harness polls a job's state to see it RUNNING after a submission and
     * CANCELED after a cancel: with the default every undeploy waited about 3 s for a cancellation
     * Flink had finished in a few hundred milliseconds.
     */
    static final String JOB_STATE_CACHE = "100 ms";

    private MiniClusterSettings() {
    }

    /** A cluster with one TaskManager of {@code slots} slots and its REST API on {@code restPort}. */
    static Configuration cluster(int restPort, int slots) {
        Configuration configuration = new Configuration();
        configuration.setString("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        configuration.setString("rest.address", "127.0.0.1");
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("rest.port", Integer.toString(restPort));
        configuration.setString("rest.bind-port", Integer.toString(restPort));
        configuration.setString("web.refresh-interval", JOB_STATE_CACHE);
        configuration.setString("taskmanager.memory.network.min", NETWORK_MEMORY);
        configuration.setString("taskmanager.memory.network.max", NETWORK_MEMORY);
        // per slot, not per cluster: the session's 8 slots sharing 16 MB left 2 MB to a job, and the
        // window aggregation's hash buffer refused it ("The minBucketMemorySize is not valid!")
        configuration.setString("taskmanager.memory.managed.size", Math.max(16, MANAGED_MEMORY_MB_PER_SLOT * slots) + "m");
        return configuration;
    }
}
