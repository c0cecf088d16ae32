package dev.pipelineharness.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.local.process.ChildProcesses;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real KRaft broker in a child JVM, reached only through its link proxies. */
@ExtendWith(SharesTheMachine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaRegionIT {

    @TempDir
    static Path workDir;
    /** Logs outlive the temporary directory, so a failure can be read afterwards. */
    private static final Path LOGS = Path.of("target", "it-logs", "KafkaRegionIT");

    private static LinkProxies proxies;
    private static KafkaRegion east;

    @BeforeAll
    static void startRegion() throws Exception {
        proxies = LinkProxies.open();
        long started = System.nanoTime();
        east = KafkaRegion.start("east", workDir.resolve("kafka-east"), LOGS.resolve("kafka-east.log"),
                proxies, Duration.ofSeconds(60));
        System.out.printf("MEASURE kafka.region.cold-start %.2f s%n", seconds(started));
        System.out.printf("MEASURE kafka.broker.rss %d MB (idle, just started)%n", ProcessRss.megabytes(east.pid()));
    }

    @AfterAll
    static void stopRegion() {
        try {
            if (east != null) {
                east.close();
            }
        } finally {
            proxies.close();
        }
        assertThat(ChildProcesses.alive()).as("child processes left alive").isEmpty();
    }

    @Test
    @Order(1)
    void producesAndConsumesThroughTheHarnessProxy() throws Exception {
        List<String> names = east.createTopics(List.of(new TopicSpec("orders", 3, "string", Map.of())), n -> "t1_" + n);
        assertThat(names).containsExactly("t1_orders");

        try (KafkaProducer<String, String> producer = producer(KafkaLink.HARNESS, Duration.ofSeconds(20))) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("t1_orders", "k" + i, "v" + i)).get(20, TimeUnit.SECONDS);
            }
        }
        assertThat(readAll(KafkaLink.HARNESS, "t1_orders", 30)).hasSize(30)
                .extracting(ConsumerRecord::value).contains("v0", "v29");
        assertThat(east.proxy(KafkaLink.HARNESS).openConnections()).isPositive();
    }

    @Test
    @Order(2)
    void eachLinkAdvertisesItsOwnProxy() throws Exception {
        for (KafkaLink link : KafkaLink.values()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", east.bootstrapServers(link)))) {
                List<Integer> ports = admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).stream()
                        .map(Node::port).toList();
                assertThat(ports).as("ports advertised on link " + link).containsExactly(east.proxy(link).port());
            }
        }
    }

    @Test
    @Order(3)
    void aCutLinkFailsItsClientsAndRestoreHealsThem() throws Exception {
        east.createTopics(List.of(new TopicSpec("cut", 1, "string", Map.of())), n -> "t3_" + n);
        try (KafkaProducer<String, String> harness = producer(KafkaLink.HARNESS, Duration.ofSeconds(3));
             KafkaProducer<String, String> flink = producer(KafkaLink.FLINK, Duration.ofSeconds(20))) {
            harness.send(new ProducerRecord<>("t3_cut", "before")).get(20, TimeUnit.SECONDS);

            east.proxy(KafkaLink.HARNESS).cut();
            long cutAt = System.nanoTime();
            assertThatThrownBy(() -> harness.send(new ProducerRecord<>("t3_cut", "during")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            System.out.printf("MEASURE kafka.cut.producer-failed-after %.2f s%n", seconds(cutAt));
            // only the harness link is cut: the Flink link still works
            flink.send(new ProducerRecord<>("t3_cut", "flink-during")).get(20, TimeUnit.SECONDS);

            east.proxy(KafkaLink.HARNESS).restore();
            long restoredAt = System.nanoTime();
            harness.send(new ProducerRecord<>("t3_cut", "after")).get(20, TimeUnit.SECONDS);
            System.out.printf("MEASURE kafka.restore.first-ack-after %.2f s%n", seconds(restoredAt));
        }
        assertThat(readAll(KafkaLink.HARNESS, "t3_cut", 3)).extracting(ConsumerRecord::value)
                .containsExactly("before", "flink-during", "after");
    }

    @Test
    @Order(4)
    void aKilledBrokerRestartsOnItsDataWithEveryAcknowledgedRecord() throws Exception {
        east.createTopics(List.of(new TopicSpec("durable", 2, "string", Map.of())), n -> "t4_" + n);
        int count = 500;
        try (KafkaProducer<String, String> producer = producer(KafkaLink.HARNESS, Duration.ofSeconds(20))) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>("t4_durable", "k" + i, "v" + i)));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(20, TimeUnit.SECONDS);
            }
        }
        System.out.printf("MEASURE kafka.broker.rss %d MB (after traffic)%n", ProcessRss.megabytes(east.pid()));
        long oldPid = east.pid();

        east.kill();
        assertThat(east.isAlive()).isFalse();
        long restartAt = System.nanoTime();
        east.restart(Duration.ofSeconds(60));
        System.out.printf("MEASURE kafka.restart-after-sigkill %.2f s%n", seconds(restartAt));
        assertThat(east.pid()).isNotEqualTo(oldPid);

        assertThat(readAll(KafkaLink.HARNESS, "t4_durable", count)).extracting(ConsumerRecord::value)
                .hasSize(count).doesNotHaveDuplicates().contains("v0", "v" + (count - 1));
        long firstSendAt = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(KafkaLink.HARNESS, Duration.ofSeconds(20))) {
            producer.send(new ProducerRecord<>("t4_durable", "after-restart")).get(20, TimeUnit.SECONDS);
        }
        System.out.printf("MEASURE kafka.first-produce-after-restart %.2f s%n", seconds(firstSendAt));
    }

    @Test
    @Order(5)
    void aPausedBrokerAnswersAgainAfterResume() throws Exception {
        east.pause();
        try {
            // a request already on its way when the signal lands may still be answered; the next one is not
            org.awaitility.Awaitility.await("kafka east to stop answering while paused")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        try {
                            east.admin().describeCluster(new org.apache.kafka.clients.admin.DescribeClusterOptions()
                                    .timeoutMs(1500)).nodes().get();
                            return false;
                        } catch (ExecutionException timedOut) {
                            return timedOut.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
                        }
                    });
        } finally {
            east.resume();
        }
        east.awaitReady(Duration.ofSeconds(30));
        east.deleteTopics(List.of("t1_orders", "no_such_topic"));
        assertThat(east.admin().listTopics().names().get(20, TimeUnit.SECONDS)).doesNotContain("t1_orders");
    }

    @Test
    @Order(6)
    void aNamespaceSweepRemovesWhatAConnectorCreatedThereAndNothingOfAnotherNamespace() throws Exception {
        // what a Debezium source with topic.heartbeat.prefix=${namespace}heartbeat creates, and a neighbour
        east.createTopics(List.of(new TopicSpec("heartbeat.t6_cdc", 1, "string", Map.of()),
                new TopicSpec("cdc_orders", 1, "string", Map.of())), n -> "t6_" + n);
        east.createTopics(List.of(new TopicSpec("cdc_orders", 1, "string", Map.of())), n -> "t60_" + n);
        // a topic just created can be missing from the broker's listing for a moment (its metadata lags the
        // controller), and the sweep finds topics by listing: it once swept before these were listed
        org.awaitility.Awaitility.await("the new topics in kafka east's listing").atMost(Duration.ofSeconds(20))
                .until(() -> east.admin().listTopics().names().get(20, TimeUnit.SECONDS)
                        .containsAll(List.of("t6_heartbeat.t6_cdc", "t6_cdc_orders", "t60_cdc_orders")));

        east.deleteTopicsStartingWith("t6_");

        org.awaitility.Awaitility.await("the sweep's deletions in kafka east's listing").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(east.admin().listTopics().names().get(20, TimeUnit.SECONDS))
                        .doesNotContain("t6_heartbeat.t6_cdc", "t6_cdc_orders").contains("t60_cdc_orders"));
    }

    private static KafkaProducer<String, String> producer(KafkaLink link, Duration deliveryTimeout) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, east.bootstrapServers(link));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString((int) Math.min(
                deliveryTimeout.toMillis() - 10, 10_000)));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString((int) deliveryTimeout.toMillis()));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString((int) deliveryTimeout.toMillis()));
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Reads a topic from the beginning until {@code expected} records arrived (bounded at 30 s). */
    static List<ConsumerRecord<String, String>> readAll(KafkaLink link, String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, east.bootstrapServers(link));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
