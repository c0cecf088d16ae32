package dev.pipelineharness.local.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.kafka.ProcessRss;
import dev.pipelineharness.local.process.ChildProcesses;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two real regions and a real MirrorMaker 2 between them, all child JVMs. */
@ExtendWith(SharesTheMachine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorMakerIT {

    @TempDir
    static Path workDir;
    /** Logs outlive the temporary directory, so a failure can be read afterwards. */
    private static final Path LOGS = Path.of("target", "it-logs", "MirrorMakerIT");

    private static LinkProxies proxies;
    private static KafkaRegion east;
    private static KafkaRegion west;
    private static MirrorMaker mirror;

    @BeforeAll
    static void startTopology() throws Exception {
        proxies = LinkProxies.open();
        long started = System.nanoTime();
        CompletableFuture<KafkaRegion> eastStart = CompletableFuture.supplyAsync(() -> region("east"));
        CompletableFuture<KafkaRegion> westStart = CompletableFuture.supplyAsync(() -> region("west"));
        try {
            east = eastStart.join();
        } finally {
            west = westStart.join();
        }
        System.out.printf("MEASURE kafka.two-regions-in-parallel.ready %.2f s%n", seconds(started));
        started = System.nanoTime();
        mirror = MirrorMaker.start(east, west, "orders.*", workDir.resolve("mm2"),
                LOGS.resolve("mirrormaker.log"), Duration.ofSeconds(80));
        System.out.printf("MEASURE mm2.start-to-probe-replicated %.2f s%n", seconds(started));
        System.out.printf("MEASURE mm2.rss %d MB%n", ProcessRss.megabytes(mirror.pid()));
    }

    private static KafkaRegion region(String name) {
        try {
            return KafkaRegion.start(name, workDir.resolve("kafka-" + name), LOGS.resolve("kafka-" + name + ".log"),
                    proxies, Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopTopology() {
        try {
            for (AutoCloseable component : new AutoCloseable[] {mirror, west, east}) {
                if (component != null) {
                    try {
                        component.close();
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }
            }
        } finally {
            proxies.close();
        }
        assertThat(ChildProcesses.alive()).as("child processes left alive").isEmpty();
    }

    @Test
    @Order(1)
    void aRecordProducedInEastIsReadableInWest() throws Exception {
        east.createTopics(List.of(new TopicSpec("orders", 3, "string", Map.of("retention.ms", "3600000"))), n -> n);
        String replica = mirror.replicatedTopicName("orders");
        assertThat(replica).isEqualTo("orders");

        long sentAt;
        try (KafkaProducer<String, String> producer = producer(east)) {
            sentAt = System.currentTimeMillis();
            producer.send(new ProducerRecord<>("orders", "first", Long.toString(sentAt))).get(20, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> first = read(west, replica, 1, Duration.ofSeconds(40));
        System.out.printf("MEASURE mm2.first-record-lag (new topic) %d ms%n", System.currentTimeMillis() - sentAt);
        assertThat(first).extracting(ConsumerRecord::key).containsExactly("first");

        // the topic is now known: the lag of records that follow
        List<Long> lags = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(east);
             KafkaConsumer<String, String> consumer = consumer(west, null)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(replica, 0), new TopicPartition(replica, 1),
                    new TopicPartition(replica, 2));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < 20; i++) {
                long sent = System.currentTimeMillis();
                producer.send(new ProducerRecord<>("orders", "k" + i, Long.toString(sent))).get(20, TimeUnit.SECONDS);
                Awaitility.await("record k" + i + " in west").atMost(Duration.ofSeconds(20))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> !consumer.poll(Duration.ofMillis(20)).isEmpty());
                lags.add(System.currentTimeMillis() - sent);
            }
        }
        lags.sort(Long::compare);
        System.out.printf("MEASURE mm2.record-lag p50 %d ms, max %d ms (20 records, one at a time)%n",
                lags.get(lags.size() / 2), lags.get(lags.size() - 1));
        assertThat(west.admin().describeTopics(List.of(replica)).allTopicNames().get(20, TimeUnit.SECONDS)
                .get(replica).partitions()).hasSize(3);
    }

    @Test
    @Order(2)
    void onlyTopicsMatchingTheRegexAreReplicated() throws Exception {
        east.createTopics(List.of(new TopicSpec("payments", 1, "string", Map.of())), n -> n);
        east.createTopics(List.of(new TopicSpec("orders_late", 1, "string", Map.of())), n -> n);
        try (KafkaProducer<String, String> producer = producer(east)) {
            producer.send(new ProducerRecord<>("payments", "p", "not replicated")).get(20, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("orders_late", "o", "replicated")).get(20, TimeUnit.SECONDS);
        }
        // orders_late was created after payments: once it is in west, payments had its chance
        assertThat(read(west, "orders_late", 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("replicated");
        assertThat(west.admin().listTopics().names().get(20, TimeUnit.SECONDS)).doesNotContain("payments");
    }

    @Test
    @Order(3)
    void consumerGroupOffsetsAreSyncedToWestNeverAheadAndExactWhenCaughtUp() throws Exception {
        east.createTopics(List.of(new TopicSpec("orders_failover", 1, "string", Map.of())), n -> n);
        produce("orders_failover", 0, 100);
        TopicPartition partition = new TopicPartition("orders_failover", 0);
        assertThat(read(west, "orders_failover", 100, Duration.ofSeconds(30))).hasSize(100);

        // behind the end, MirrorMaker translates to an offset at or before the committed one (at-least-once)
        commit(partition, 60);
        long committedAt = System.nanoTime();
        long behind = awaitSyncedOffset(partition, offset -> offset > 0);
        System.out.printf("MEASURE mm2.group-offset-sync %.2f s (offset %d for 60 committed)%n",
                seconds(committedAt), behind);
        assertThat(behind).isBetween(1L, 60L);

        // caught up (as a live pipeline's group is), the translation is exact
        commit(partition, 100);
        assertThat(awaitSyncedOffset(partition, offset -> offset == 100)).isEqualTo(100);

        // failover: the same group in west resumes exactly after what it had committed in east
        produce("orders_failover", 100, 110);
        assertThat(read(west, "orders_failover", 110, Duration.ofSeconds(30))).hasSize(110);
        try (KafkaConsumer<String, String> consumer = consumer(west, "billing")) {
            consumer.subscribe(List.of("orders_failover"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("v100", "v101", "v102", "v103", "v104", "v105", "v106", "v107",
                    "v108", "v109");
        }
    }

    private static void produce(String topic, int from, int to) {
        try (KafkaProducer<String, String> producer = producer(east)) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private static void commit(TopicPartition partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer(east, "billing")) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private static long awaitSyncedOffset(TopicPartition partition, java.util.function.LongPredicate expected) {
        return Awaitility.await("the billing group's offset in west to be synced")
                .atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    OffsetAndMetadata synced = west.admin().listConsumerGroupOffsets("billing")
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS).get(partition);
                    return synced == null ? -1L : synced.offset();
                }, offset -> offset >= 0 && expected.test(offset));
    }

    @Test
    @Order(4)
    void afterAKillRecordsWrittenMeanwhileAreReplicatedOnRestart() throws Exception {
        long pid = mirror.pid();
        mirror.kill();
        assertThat(mirror.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        try (KafkaProducer<String, String> producer = producer(east)) {
            producer.send(new ProducerRecord<>("orders_late", "while-down", "written while MirrorMaker was dead"))
                    .get(20, TimeUnit.SECONDS);
        }

        long restartAt = System.nanoTime();
        mirror.restart(Duration.ofSeconds(60));
        System.out.printf("MEASURE mm2.restart-after-sigkill-to-probe-replicated %.2f s%n", seconds(restartAt));
        assertThat(mirror.pid()).isNotEqualTo(pid);
        assertThat(read(west, "orders_late", 2, Duration.ofSeconds(30))).extracting(ConsumerRecord::key)
                .contains("o", "while-down");
    }

    private static KafkaProducer<String, String> producer(KafkaRegion region) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, region.bootstrapServers(KafkaLink.HARNESS));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaRegion region, String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, region.bootstrapServers(KafkaLink.HARNESS));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads a topic from the start until {@code expected} records came; waits for the topic to exist. */
    private static List<ConsumerRecord<String, String>> read(KafkaRegion region, String topic, int expected,
                                                             Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Awaitility.await("topic " + topic + " in " + region.region()).atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> region.admin().listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(region, null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
