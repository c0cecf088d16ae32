package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.business.GeneratedBusinessEvents;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.checks.reference.RoutingOracle;
import dev.pipelineharness.testkit.StubDeployment;
import dev.pipelineharness.testkit.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka path on a real KRaft broker (child JVM): the business-events generator produces with
 * acks, the test plays a routing pipeline that drops one loan event, and the checks read the
 * filtered topics read_committed: routed is green for cars and services and red for loans naming the
 * dropped event; no-loss names the lost ledger entry and the hop that lost it; no-duplicates stays green.
 */
class KafkaRoundTripIT {

    private static LinkProxies proxies;
    private static KafkaRegion broker;
    private static String bootstrap;
    private static StubDeployment deployment;

    @BeforeAll
    static void startBroker() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-kafka")).toAbsolutePath();
        proxies = LinkProxies.open();
        broker = KafkaRegion.start("it", Files.createTempDirectory(work, "region-"), work.resolve("broker.log"),
                proxies, Duration.ofSeconds(60));
        bootstrap = broker.bootstrapServers(KafkaLink.HARNESS);
        deployment = new StubDeployment("r1_test", null).withKafka(bootstrap);
        broker.createTopics(List.of("raw_business_events", "filtered_loan_events", "filtered_service_events",
                "filtered_car_events").stream().map(t -> new TopicSpec(t, 3, "json", Map.of())).toList(),
                deployment::topic);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        if (proxies != null) {
            proxies.close();
        }
    }

    private static <T> T provider(Class<T> type, String name, java.util.function.Function<T, String> nameOf) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).filter(p -> nameOf.apply(p).equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void generatedEventsRouteThroughKafkaAndTheChecksCatchADroppedOne() throws Exception {
        GeneratorProvider events = provider(GeneratorProvider.class, "business-events", GeneratorProvider::name);
        events.create(TestParams.of("generate[0].business-events", "{\"count\": 600, \"rate\": \"3000/s\","
                + " \"duplicates\": 0.03, \"malformed\": 0.03, \"keys\": 20}")).generate(deployment.generation(42));
        assertThat(deployment.published).containsEntry("business-events.failed", "0");
        int written = deployment.store().get(GeneratedBusinessEvents.class).orElseThrow().size();
        assertThat(deployment.published.get("business-events.acknowledged")).isEqualTo(Integer.toString(written));

        String dropped = playRoutingPipelineDroppingTheFirstLoan();

        CheckProvider routed = provider(CheckProvider.class, "routed", CheckProvider::name);
        List<Check> checks = routed.create(TestParams.of("expect[0].routed", "{}"));
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Check check : checks) {
            verdicts.put(check.describe(), check.evaluate(deployment.checking()));
            check.close();
        }
        assertThat(verdicts.get("routed: filtered_car_events").passed()).as(verdicts.get("routed: filtered_car_events").message()).isTrue();
        assertThat(verdicts.get("routed: filtered_service_events").passed()).isTrue();
        Verdict loans = verdicts.get("routed: filtered_loan_events");
        assertThat(loans.passed()).isFalse();
        assertThat(loans.details()).contains("missing (1):").contains("event_id " + dropped);

        Check noLoss = provider(CheckProvider.class, "no-loss", CheckProvider::name)
                .create(TestParams.of("expect[1].no-loss", "\"acknowledged\"")).get(0);
        Verdict lossVerdict = noLoss.evaluate(deployment.checking());
        noLoss.close();
        long droppedOrdinal = dev.pipelineharness.generators.business.BusinessEvent.ordinalOf(dropped);
        assertThat(lossVerdict.passed()).isFalse();
        assertThat(lossVerdict.details()).contains("#" + droppedOrdinal + " -> filtered_loan_events");
        // located hop by hop: the generator's topic holds it, the pipeline's output does not
        assertThat(lossVerdict.summary()).endsWith("; 1 lost between raw_business_events and filtered_loan_events");
        assertThat(lossVerdict.details()).contains("#" + droppedOrdinal + " -> filtered_loan_events: raw_business_events 1,"
                + " filtered_loan_events 0: lost between raw_business_events and filtered_loan_events");

        Check noDuplicates = provider(CheckProvider.class, "no-duplicates", CheckProvider::name)
                .create(TestParams.of("expect[2].no-duplicates", "null")).get(0);
        Verdict duplicateVerdict = noDuplicates.evaluate(deployment.checking());
        noDuplicates.close();
        assertThat(duplicateVerdict.passed()).as(duplicateVerdict.message()).isTrue();
        assertThat(deployment.store().get(Ledger.class)).isPresent();
    }

    /** Copies well-formed raw records to their filtered topic (the pipeline's job), leaving out the first loan. */
    private static String playRoutingPipelineDroppingTheFirstLoan() throws Exception {
        TopicReader reader = new TopicReader(deployment.endpoints().kafka(), deployment.topic("raw_business_events"), "it-pipeline");
        String dropped = null;
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "enable.idempotence", true, "acks", "all"));
        try (reader; KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<TopicReader.RawRecord> raw = reader.readNew(Duration.ofSeconds(30));
            assertThat(raw).hasSize(deployment.store().get(GeneratedBusinessEvents.class).orElseThrow().size());
            for (TopicReader.RawRecord record : raw) {
                JsonNode value = RoutingOracle.wellFormed(record.value());
                if (value == null) {
                    continue;
                }
                String type = value.get("event_type").asText();
                if (dropped == null && type.equals("loan")) {
                    dropped = value.get("event_id").asText();
                    continue;
                }
                producer.send(new ProducerRecord<>(deployment.topic("filtered_" + type + "_events"), record.key(), record.value()));
            }
            producer.flush();
        }
        return dropped;
    }
}
