package dev.pipelineharness.containers.kafka;

import java.util.Locale;

/**
 * A path into a region's broker that a fault may cut on its own: a broker listener of that name on its
 * own container port, with a Toxiproxy proxy in front, and the broker advertises the proxy's address.
 * A client that bootstraps through a link is told to use that same link for every later connection.
 */
public enum KafkaLink {
    /** Generators, checks and the harness's admin calls, from the Docker host. */
    HARNESS(19092),
    /** The Flink job's sources and sinks, inside the Docker network. */
    FLINK(19093),
    /** The Kafka Connect worker. */
    CONNECT(19094),
    /** MirrorMaker 2, reading from or writing to this region. */
    MIRROR(19095);

    private final int containerPort;

    KafkaLink(int containerPort) {
        this.containerPort = containerPort;
    }

    /** The port of this link's listener inside the broker's container. */
    public int containerPort() {
        return containerPort;
    }

    /** The listener name, as in {@code listeners} and {@code advertised.listeners}. */
    public String listenerName() {
        return name();
    }

    /** The Toxiproxy proxy in front of this link: {@code kafka-east-flink}. */
    public String proxyName(String region) {
        return "kafka-" + region + "-" + name().toLowerCase(Locale.ROOT);
    }

    /** Whether its clients run on the Docker host (the harness) rather than inside the network. */
    public boolean fromHost() {
        return this == HARNESS;
    }
}
