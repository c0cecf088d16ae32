package dev.pipelineharness.local.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code server.properties} of one region: a single KRaft node that is broker and controller,
 * one listener per {@link KafkaLink} advertised at its proxy's port, an {@code INTERNAL} listener
 * for the broker's own traffic (transaction markers go broker to broker, here to itself, and must not
 * be cut with a client link) and the {@code CONTROLLER} listener. Sized for tests on a small machine.
 */
final class KafkaServerProperties {

    static final String CONTROLLER = "CONTROLLER";
    static final String INTERNAL = "INTERNAL";
    static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    private KafkaServerProperties() {
    }

    /**
     * @param advertisedPorts the proxy port of each link, which clients must be told to use
     */
    static Map<String, String> of(KafkaPorts ports, Map<KafkaLink, Integer> advertisedPorts, Path dataDirectory) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + ports.controller());
        properties.put("controller.listener.names", CONTROLLER);
        properties.put("inter.broker.listener.name", INTERNAL);

        List<String> listeners = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        listeners.add(CONTROLLER + "://" + HOST + ":" + ports.controller());
        protocols.add(CONTROLLER + ":PLAINTEXT");
        listeners.add(INTERNAL + "://" + HOST + ":" + ports.internal());
        advertised.add(INTERNAL + "://" + HOST + ":" + ports.internal());
        protocols.add(INTERNAL + ":PLAINTEXT");
        Map<KafkaLink, Integer> proxies = new EnumMap<>(advertisedPorts);
        for (KafkaLink link : KafkaLink.values()) {
            Integer proxyPort = proxies.get(link);
            if (proxyPort == null) {
                throw new IllegalArgumentException("No proxy port for link " + link);
            }
            listeners.add(link.listenerName() + "://" + HOST + ":" + ports.link(link));
            advertised.add(link.listenerName() + "://" + HOST + ":" + proxyPort);
            protocols.add(link.listenerName() + ":PLAINTEXT");
        }
        properties.put("listeners", String.join(",", listeners));
        properties.put("advertised.listeners", String.join(",", advertised));
        properties.put("listener.security.protocol.map", String.join(",", protocols));

        properties.put("log.dirs", dataDirectory.toAbsolutePath().toString());

        // A killed broker is back after about 7 s instead of 18 s: the controller fences the old
        // registration sooner, and the new one is accepted once it is fenced.
        properties.put("broker.session.timeout.ms", "3000");
        properties.put("broker.heartbeat.interval.ms", "500");

        // One node: every internal topic has one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        // Fewer partitions for the internal topics: the first consumer group or transaction is ready sooner.
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // As on Confluent Cloud: a topic the pipeline did not declare is an error, not created silently.
        properties.put("auto.create.topics.enable", "false");

        // Small machine: fewer threads, and a log cleaner that does not take 128 MB of a small heap.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "2");
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return properties;
    }

    static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# written by pipeline-harness (KafkaRegion); rewritten on every start\n");
        // java.util.Properties reads a backslash as an escape
        properties.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
