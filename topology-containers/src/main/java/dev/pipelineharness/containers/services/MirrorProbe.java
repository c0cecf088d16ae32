package dev.pipelineharness.containers.services;

import dev.pipelineharness.topology.support.BoundedWait;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * MirrorMaker's readiness, as the embedded topology defines it: a fresh record written to the probe
 * topic in east is read from the same topic in west.
 */
public final class MirrorProbe {

    private MirrorProbe() {
    }

    public static void awaitReplication(String eastBootstrap, String westBootstrap, Duration timeout) throws Exception {
        String marker = "probe-" + UUID.randomUUID();
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, eastBootstrap);
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
            producer.send(new ProducerRecord<>(MirrorMakerContainers.PROBE_TOPIC, marker, marker)).get();
        }
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, westBootstrap);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "harness-mm2-probe-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the replica topic appears in west only once MirrorMaker created it: look for it every second
        consumerProperties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
            consumer.subscribe(List.of(MirrorMakerContainers.PROBE_TOPIC));
            BoundedWait.until("MirrorMaker 2 to replicate a probe record from east to west", timeout, null, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (marker.equals(record.value())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
