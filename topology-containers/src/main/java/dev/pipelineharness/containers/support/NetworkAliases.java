package dev.pipelineharness.containers.support;

/**
 * The names containers find each other by on the topology's Docker network. Containers always address
 * each other by alias, never by IP address: a container restarted by a fault may come back with another.
 */
public final class NetworkAliases {

    public static final String TOXIPROXY = "toxiproxy";
    public static final String POSTGRES = "postgres";
    public static final String DYNAMODB = "dynamodb";
    public static final String CONNECT = "connect";
    public static final String SCHEMA_REGISTRY = "schema-registry";
    public static final String FLINK_JOBMANAGER = "flink-jobmanager";
    public static final String FLINK_TASKMANAGER = "flink-taskmanager";
    public static final String MIRROR_MAKER = "mirror-maker";

    private NetworkAliases() {
    }

    /** {@code kafka-east}. */
    public static String kafka(String region) {
        return "kafka-" + region;
    }
}
