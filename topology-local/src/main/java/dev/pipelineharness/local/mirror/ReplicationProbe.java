package dev.pipelineharness.local.mirror;

import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * MirrorMaker's readiness from the outside: a record with a fresh token, written to a probe topic in
 * the source region, arrives in the replicated topic of the target region. Its arrival proves that the
 * connectors run, that the topic was discovered and created, and that records flow. The probe topic is
 * one partition and is part of the replicated set.
 */
final class ReplicationProbe implements AutoCloseable {

    static final String TOPIC = "harness-mm2-probe";

    private final KafkaRegion target;
    private final String replicatedTopic;
    private final KafkaConsumer<String, String> consumer;
    private String token;
    private boolean assigned;

    ReplicationProbe(KafkaRegion target, String replicatedTopic) {
        this.target = target;
        this.replicatedTopic = replicatedTopic;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(KafkaLink.HARNESS));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-harness-mm2-probe");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** Writes a new token into the probe topic of {@code source} (creating the topic if needed). */
    void send(KafkaRegion source) throws Exception {
        source.createTopics(List.of(new TopicSpec(TOPIC, 1, "string", Map.of())), name -> name);
        token = "probe-" + UUID.randomUUID();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(KafkaLink.HARNESS));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, token)).get(30, TimeUnit.SECONDS);
        }
    }

    /** True once the last token sent is readable in the target; polls for at most about 200 ms. */
    boolean arrived() throws Exception {
        if (!assigned) {
            if (!target.admin().listTopics().names().get(2, TimeUnit.SECONDS).contains(replicatedTopic)) {
                return false;
            }
            TopicPartition partition = new TopicPartition(replicatedTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assigned = true;
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (token.equals(record.value())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
