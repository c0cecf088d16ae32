package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.reference.RoutingOracle;
import dev.pipelineharness.generators.business.GeneratedBusinessEvents;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.local.kafka.KafkaLink;
import dev.pipelineharness.local.kafka.KafkaRegion;
import dev.pipelineharness.local.proxy.LinkProxies;
import dev.pipelineharness.testkit.SharesTheMachine;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka path on a real KRaft broker (child JVM): the business-events generator produces with
 * acks, the test plays a routing pipeline that drops one loan event, and the checks read the
 * filtered topics read_committed: routed is green for cars and services and red for loans naming the
 * dropped event; no-loss names the lost ledger entry and the hop that lost it; no-duplicates stays green.
 */
@ExtendWith(SharesTheMachine.class)
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

    @Test
    void ledgeredRecordsAreFoundAtTheirDestinationByTheirOwnId() throws Exception {
        StubDeployment own = new StubDeployment("r1_own", null).withKafka(bootstrap);
        broker.createTopics(List.of(new TopicSpec("orders_in", 1, "json", Map.of()),
                new TopicSpec("orders_out", 1, "json", Map.of())), own::topic);
        provider(GeneratorProvider.class, "records", GeneratorProvider::name).create(TestParams.of("generate[0].records",
                "{topic: orders_in, key: order_id, count: 200, rate: 2000/s, ledger: {destination: orders_out},"
                        + " fields: {order_id: {id: o-, cardinality: 200}, amount: {type: decimal, min: 1, max: 9}}}"))
                .generate(own.generation(5));
        assertThat(own.published).containsEntry("written", "200").containsEntry("acknowledged", "200");

        // the pipeline: orders_in copied to orders_out, but the 8th order dropped and the 12th written twice
        List<String> ids = new java.util.ArrayList<>();
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"));
        try (TopicReader reader = new TopicReader(own.endpoints().kafka(), own.topic("orders_in"), "it-own-pipeline");
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            for (TopicReader.RawRecord record : reader.readNew(Duration.ofSeconds(30))) {
                ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value()).get("order_id").asText());
                for (int copy = 0; copy < (ids.size() == 8 ? 0 : ids.size() == 12 ? 2 : 1); copy++) {
                    producer.send(new ProducerRecord<>(own.topic("orders_out"), record.key(), record.value()));
                }
            }
            producer.flush();
        }
        assertThat(ids).hasSize(200);
        Ledger ledger = own.store().get(Ledger.class).orElseThrow();
        int destination = ledger.destination("orders_out", "order_id");
        long dropped = ledger.ordinalOf(destination, ids.get(7));
        long twice = ledger.ordinalOf(destination, ids.get(11));
        assertThat(ids.get(11)).as("the seed makes the dropped and the doubled order two ids").isNotEqualTo(ids.get(7));

        Verdict loss = evaluate(own, "no-loss", "null");
        assertThat(loss.passed()).isFalse();
        assertThat(loss.summary()).endsWith("; 1 lost between orders_in and orders_out");
        // an id pool repeats ids in a topic: every record of one id is a copy of one ledger record
        int droppedCopies = java.util.Collections.frequency(ids, ids.get(7));
        int twiceCopies = java.util.Collections.frequency(ids, ids.get(11));
        assertThat(loss.details()).contains("#" + dropped + " (order_id " + ids.get(7) + ") -> orders_out: orders_in " + droppedCopies + ", orders_out "
                + (droppedCopies - 1) + ": lost between orders_in and orders_out");
        Verdict duplicates = evaluate(own, "no-duplicates", "null");
        assertThat(duplicates.passed()).isFalse();
        assertThat(duplicates.details()).contains("#" + twice + " (order_id " + ids.get(11) + ") -> orders_out: orders_in " + twiceCopies
                + ", orders_out " + (twiceCopies + 1) + ": duplicated between orders_in and orders_out");
        Verdict latency = evaluate(own, "latency", "null");
        assertThat(latency.summary()).contains("1 acknowledged record(s) not at their destination yet");
    }

    private static Verdict evaluate(StubDeployment on, String check, String snippet) throws Exception {
        Check created = provider(CheckProvider.class, check, CheckProvider::name)
                .create(TestParams.of("expect[0]." + check, snippet)).get(0);
        try {
            return created.evaluate(on.checking());
        } finally {
            created.close();
        }
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
