package dev.pipelineharness.containers.kafka;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of one region's {@code apache/kafka} container: one KRaft node that is broker and
 * controller, configured as the image documents (every {@code KAFKA_*} variable becomes the broker
 * property of that name; given any, the image uses only what is given, so everything is given).
 *
 * <p>Listeners: one per {@link KafkaLink}, advertised at its Toxiproxy proxy
 * ({@link KafkaAdvertisedAddresses}); {@code INTERNAL} for the broker's own traffic (transaction
 * markers it sends itself must not be cut with a client link) and the schema registry's store; and
 * {@code CONTROLLER} for the KRaft quorum. The sizing is the embedded topology's (small heap, one
 * replica, a killed broker back within seconds).
 */
public final class KafkaBrokerEnvironment {

    public static final String CONTROLLER = "CONTROLLER";
    public static final String INTERNAL = "INTERNAL";
    public static final int CONTROLLER_PORT = 9093;
    public static final int INTERNAL_PORT = 9094;
    /** KRaft needs a cluster id formatted once; fixed per region so a restarted container keeps its log. */
    static final Map<String, String> CLUSTER_IDS = Map.of("east", "ZWFzdC1waXBlbGluZS1oYQ", "west", "d2VzdC1waXBlbGluZS1oYQ");

    private KafkaBrokerEnvironment() {
    }

    /**
     * @param alias      the broker's network alias ({@code kafka-east}), advertised on {@code INTERNAL}
     * @param advertised where clients must connect, per link
     */
    public static Map<String, String> of(String region, String alias, Map<KafkaLink, String> advertised) {
        Map<KafkaLink, String> addresses = new EnumMap<>(advertised);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLUSTER_ID", clusterId(region));
        env.put("KAFKA_NODE_ID", "1");
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:" + CONTROLLER_PORT);
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", CONTROLLER);
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", INTERNAL);

        List<String> listeners = new ArrayList<>();
        List<String> advertisedListeners = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        listeners.add(CONTROLLER + "://0.0.0.0:" + CONTROLLER_PORT);
        protocols.add(CONTROLLER + ":PLAINTEXT");
        listeners.add(INTERNAL + "://0.0.0.0:" + INTERNAL_PORT);
        advertisedListeners.add(INTERNAL + "://" + alias + ":" + INTERNAL_PORT);
        protocols.add(INTERNAL + ":PLAINTEXT");
        for (KafkaLink link : KafkaLink.values()) {
            String address = addresses.get(link);
            if (address == null) {
                throw new IllegalArgumentException("No advertised address for link " + link + " of region " + region);
            }
            listeners.add(link.listenerName() + "://0.0.0.0:" + link.containerPort());
            advertisedListeners.add(link.listenerName() + "://" + address);
            protocols.add(link.listenerName() + ":PLAINTEXT");
        }
        env.put("KAFKA_LISTENERS", String.join(",", listeners));
        env.put("KAFKA_ADVERTISED_LISTENERS", String.join(",", advertisedListeners));
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", String.join(",", protocols));
        env.put("KAFKA_LOG_DIRS", "/var/lib/kafka/data");

        // A killed broker is back within seconds instead of about 18 s.
        env.put("KAFKA_BROKER_SESSION_TIMEOUT_MS", "3000");
        env.put("KAFKA_BROKER_HEARTBEAT_INTERVAL_MS", "500");
        // One node: every internal topic has one replica.
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        env.put("KAFKA_DEFAULT_REPLICATION_FACTOR", "1");
        env.put("KAFKA_MIN_INSYNC_REPLICAS", "1");
        env.put("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5");
        env.put("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5");
        env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        // As on Confluent Cloud and embedded: a topic the pipeline did not declare is an error.
        env.put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        env.put("KAFKA_NUM_NETWORK_THREADS", "2");
        env.put("KAFKA_NUM_IO_THREADS", "2");
        env.put("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", Integer.toString(16 * 1024 * 1024));
        env.put("KAFKA_HEAP_OPTS", "-Xmx384m -Xms128m");
        return env;
    }

    static String clusterId(String region) {
        String id = CLUSTER_IDS.get(region);
        if (id == null) {
            throw new IllegalArgumentException("No cluster id for region " + region + "; regions: " + CLUSTER_IDS.keySet());
        }
        return id;
    }
}
