package dev.pipelineharness.cloud.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pipelineharness.api.KafkaEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drill's Kafka-protocol side against a real KRaft broker in this JVM (plaintext: the cloud's
 * SASL_SSL settings are only more client properties). Both region names reach the one broker, so
 * what the group commits "in east" is what it finds "in west", as Cluster Linking's offset sync
 * would leave it.
 */
class KafkaClientsRegionKafkaIT {

    private static final String TOPIC = "ph202612010000_r1_drill_filtered_loan_events";
    private static KafkaClusterTestKit cluster;
    private static RegionKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // one broker: the group coordinator's topic cannot have the default three replicas
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        KafkaEndpoint endpoint = KafkaEndpoint.plaintext("any", cluster.bootstrapServers());
        kafka = new KafkaClientsRegionKafka(region -> endpoint);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        for (int i = 0; i < 30; i++) {
            produce("key-" + i);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theDownstreamGroupCommitsResumesAndIsDeletedAndArrivalsAreSeenLive() throws Exception {
        String group = "ph202612010000_r1_drill_downstream_filtered_loan_events";

        Map<Integer, Long> committed = kafka.consumeAndCommit("east", group, TOPIC, Duration.ofSeconds(30));
        assertThat(committed).isNotEmpty();
        assertThat(total(committed)).isPositive();
        assertThat(kafka.committed("west", group, TOPIC)).isEqualTo(committed);
        assertThat(kafka.committed("west", group, "another_topic")).isEmpty();

        Map<String, Map<Integer, Long>> ends = kafka.endOffsets("west", List.of(TOPIC));
        assertThat(ends.get(TOPIC)).containsOnlyKeys(0, 1, 2);
        assertThat(total(ends.get(TOPIC))).isEqualTo(30);

        try (RegionKafka.Arrivals arrivals = kafka.watchArrivals("west", ends)) {
            RecordMetadata after = produce("after-cutover");
            await("the record written after cutover to be seen").atMost(Duration.ofSeconds(30))
                    .until(() -> arrivals.at(TOPIC, after.partition(), after.offset()).isPresent());
            assertThat(arrivals.at(TOPIC, after.partition(), after.offset() + 1)).isEmpty();
        }

        long read = kafka.resume("west", group, TOPIC, Duration.ofSeconds(30));
        assertThat(read).isBetween(1L, 31L - total(committed));

        kafka.deleteGroup("west", group);
        assertThat(kafka.committed("west", group, TOPIC)).isEmpty();
        kafka.deleteGroup("east", group); // already gone: fine
    }

    private static RecordMetadata produce(String key) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, key, "{\"event_id\":\"" + key + "\"}")).get();
        }
    }

    private static long total(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
