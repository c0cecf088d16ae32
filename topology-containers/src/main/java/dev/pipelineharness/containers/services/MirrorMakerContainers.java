package dev.pipelineharness.containers.services;

import dev.pipelineharness.containers.support.NetworkAliases;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * MirrorMaker 2 in dedicated mode, {@code connect-mirror-maker.sh} of the Kafka image, replicating one
 * way, east to west, with the embedded topology's settings (replicas keep their names, consumer groups'
 * offsets are translated each second). It reaches both regions through their {@code MIRROR} proxies,
 * so a fault on one is a replication outage and nothing else. It has no port: it is ready when a probe
 * record written in east is read in west.
 */
public final class MirrorMakerContainers {

    public static final String PROPERTIES_PATH = "/opt/kafka/config/pipeline-harness-mm2.properties";
    public static final String SCRIPT = "/opt/kafka/bin/connect-mirror-maker.sh";
    /** Always replicated, whatever the topic pattern: the readiness probe. */
    public static final String PROBE_TOPIC = "harness-mm2-probe";

    private MirrorMakerContainers() {
    }

    /**
     * @param eastBootstrap how MirrorMaker reaches east ({@code toxiproxy:<east's MIRROR proxy port>})
     * @param westBootstrap how it reaches west
     */
    public static Map<String, String> properties(String eastBootstrap, String westBootstrap, String topics) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("clusters", "east, west");
        properties.put("east.bootstrap.servers", eastBootstrap);
        properties.put("west.bootstrap.servers", westBootstrap);
        properties.put("east->west.enabled", "true");
        properties.put("west->east.enabled", "false");
        properties.put("east->west.topics", topics + "|" + PROBE_TOPIC);
        // As Cluster Linking does: a replica has its source topic's name (one-way replication only).
        properties.put("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
        properties.put("replication.factor", "1");
        properties.put("checkpoints.topic.replication.factor", "1");
        properties.put("heartbeats.topic.replication.factor", "1");
        properties.put("offset-syncs.topic.replication.factor", "1");
        properties.put("offset.storage.replication.factor", "1");
        properties.put("status.storage.replication.factor", "1");
        properties.put("config.storage.replication.factor", "1");
        properties.put("emit.checkpoints.enabled", "true");
        properties.put("emit.checkpoints.interval.seconds", "1");
        properties.put("sync.group.offsets.enabled", "true");
        properties.put("sync.group.offsets.interval.seconds", "1");
        properties.put("offset.lag.max", "0");
        properties.put("refresh.topics.interval.seconds", "1");
        properties.put("refresh.groups.interval.seconds", "1");
        properties.put("sync.topic.configs.interval.seconds", "1");
        return properties;
    }

    public static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# written by pipeline-harness (MirrorMakerContainers)\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    public static GenericContainer<?> mirrorMaker(DockerImageName kafkaImage, Network network,
                                                  Map<String, String> properties) {
        GenericContainer<?> mirror = new GenericContainer<>(kafkaImage);
        mirror.withNetwork(network)
                .withNetworkAliases(NetworkAliases.MIRROR_MAKER)
                .withCopyToContainer(Transferable.of(render(properties)), PROPERTIES_PATH)
                .withEnv("KAFKA_HEAP_OPTS", "-Xmx256m")
                // the image's entry point starts a broker; this container runs MirrorMaker instead
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(SCRIPT))
                .withCommand(PROPERTIES_PATH);
        return mirror;
    }
}
