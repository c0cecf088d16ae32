package dev.pipelineharness.local.kafka;

import java.util.Locale;

/**
 * A path into a region's broker that a fault may cut on its own. Each is a broker listener of that
 * name on its own port with a {@link dev.pipelineharness.local.proxy.LinkProxy} in front, and the
 * broker advertises the proxy's port, so a client that bootstraps through a link stays on it.
 */
public enum KafkaLink {
    /** Generators, checks and the harness's own admin operations. */
    HARNESS,
    /** The Flink job's sources and sinks. */
    FLINK,
    /** Kafka Connect workers (Debezium, the JDBC sink, the DynamoDB Streams source). */
    CONNECT,
    /** MirrorMaker 2 reading from or writing to this region. */
    MIRROR;

    /** The broker listener name, as in {@code listeners} and {@code advertised.listeners}. */
    public String listenerName() {
        return name();
    }

    /** The name of this link's proxy in {@link dev.pipelineharness.local.proxy.LinkProxies}: {@code kafka-east-flink}. */
    public String proxyName(String region) {
        return "kafka-" + region + "-" + name().toLowerCase(Locale.ROOT);
    }
}
