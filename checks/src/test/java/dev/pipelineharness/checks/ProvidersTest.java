package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.Generator;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.testkit.TestParams;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private static Map<String, GeneratorProvider> generators() {
        Map<String, GeneratorProvider> byName = new HashMap<>();
        ServiceLoader.load(GeneratorProvider.class).forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    private static Map<String, CheckProvider> checks() {
        Map<String, CheckProvider> byName = new HashMap<>();
        ServiceLoader.load(CheckProvider.class).forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    @Test
    void everyProviderIsRegistered() {
        assertThat(generators()).containsOnlyKeys("business-events", "entity-changes", "reference-data", "interactions",
                "records", "replay");
        assertThat(checks()).containsOnlyKeys("routed", "topic-count", "cdc-captured", "table-matches", "no-loss",
                "no-duplicates", "registered-schemas", "expected-rows", "sql-oracle", "record-properties", "latency", "recovery",
                "order", "failover");
    }

    @Test
    void generatorsDescribeThemselvesFromValidSettings() {
        Generator events = generators().get("business-events").create(TestParams.of("generate[0].business-events",
                "{\"count\": 20000, \"rate\": \"2000/s\", \"duplicates\": 0.01}"));
        assertThat(events.describe()).isEqualTo("business-events: 20000 records at 2000/s into raw_business_events");
        assertThat(generators().get("interactions").create(TestParams.of("generate[1].interactions",
                "{\"count\": 100, \"write\": \"single\"}")).describe()).contains("single writes");
        assertThatThrownBy(() -> generators().get("interactions").create(TestParams.of("generate[1].interactions",
                "{\"write\": \"bulk\"}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("generate[1].interactions.write");
        assertThatThrownBy(() -> generators().get("reference-data").create(TestParams.of("generate[2].reference-data",
                "{\"users\": 1, \"items\": 1, \"reviews\": 0, \"deletes\": 5}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("generate[2].reference-data.deletes");
        assertThatThrownBy(() -> generators().get("entity-changes").create(TestParams.of("generate[3].entity-changes",
                "{\"tables\": [\"boats\"]}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("generate[3].entity-changes.tables");
    }

    @Test
    void routedMakesOneCheckPerTopic() {
        List<Check> routed = checks().get("routed").create(TestParams.of("expect[0].routed",
                "{\"topics\": [\"filtered_loan_events\", \"filtered_car_events\"], \"within\": \"30s\"}"));
        assertThat(routed).extracting(Check::describe).containsExactly("routed: filtered_loan_events", "routed: filtered_car_events");
        assertThat(routed.get(0).within()).isEqualTo(Duration.ofSeconds(30));
        assertThat(checks().get("routed").create(TestParams.of("expect[0].routed", "{}"))).hasSize(3);
        assertThatThrownBy(() -> checks().get("routed").create(TestParams.of("expect[0].routed",
                "{\"topics\": [\"filtered_boat_events\"]}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[0].routed.topics").hasMessageContaining("filtered_boat_events");
    }

    @Test
    void checkSettingsAreValidated() {
        assertThat(checks().get("no-loss").create(TestParams.of("expect[1].no-loss", "\"acknowledged\"")))
                .extracting(Check::describe).containsExactly("no-loss: acknowledged");
        assertThat(checks().get("no-loss").create(TestParams.of("expect[1].no-loss", "{\"guarantee\": \"all\"}")))
                .extracting(Check::describe).containsExactly("no-loss: all");
        assertThatThrownBy(() -> checks().get("no-loss").create(TestParams.of("expect[1].no-loss", "\"acknowleged\"")))
                .isInstanceOf(ScenarioDefinitionException.class).hasMessageContaining("did you mean 'acknowledged'");
        assertThat(checks().get("no-duplicates").create(TestParams.of("expect[2].no-duplicates", "null"))).hasSize(1);
        assertThat(checks().get("cdc-captured").create(TestParams.of("expect[3].cdc-captured", "{}")))
                .extracting(Check::describe).containsExactly("cdc-captured: loan_entities", "cdc-captured: car_entities");
        assertThat(checks().get("table-matches").create(TestParams.of("expect[4].table-matches",
                "{\"table\": \"co_purchase_counts\"}"))).extracting(Check::describe).containsExactly("table-matches: co_purchase_counts");
        assertThatThrownBy(() -> checks().get("table-matches").create(TestParams.of("expect[4].table-matches",
                "{\"table\": \"co_purchase_count\"}"))).isInstanceOf(ScenarioDefinitionException.class)
                .hasMessageContaining("expect[4].table-matches.table").hasMessageContaining("did you mean 'co_purchase_counts'");
        assertThatThrownBy(() -> checks().get("topic-count").create(TestParams.of("expect[5].topic-count", "{\"topic\": \"t\"}")))
                .isInstanceOf(ScenarioDefinitionException.class).hasMessageContaining("expect[5].topic-count.count");
        assertThatThrownBy(() -> checks().get("routed").create(TestParams.of("expect[0].routed", "{\"within\": \"0s\"}")))
                .isInstanceOf(ScenarioDefinitionException.class).hasMessageContaining("expect[0].routed.within");
    }

    @Test
    void onlyMeasurementsAskToBeShownWhenTheyPass() {
        assertThat(checks().get("latency").create(TestParams.of("expect[0].latency", "{\"p99\": {\"max\": \"2s\"}}")))
                .allMatch(Check::measures);
        assertThat(checks().get("recovery").create(TestParams.of("expect[1].recovery", "{\"max\": \"30s\"}")))
                .allMatch(Check::measures);
        assertThat(checks().get("failover").create(TestParams.of("expect[2].failover",
                "{\"rpo\": {\"max-events\": 0}, \"rto\": {\"max\": \"30s\"}}"))).allMatch(Check::measures);
        assertThat(checks().get("no-loss").create(TestParams.of("expect[3].no-loss", "\"acknowledged\"")))
                .noneMatch(Check::measures);
        assertThat(checks().get("routed").create(TestParams.of("expect[4].routed", "{}"))).noneMatch(Check::measures);
    }
}
