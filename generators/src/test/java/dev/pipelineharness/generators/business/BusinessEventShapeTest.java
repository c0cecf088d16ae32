package dev.pipelineharness.generators.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.testkit.TestParams;
import org.junit.jupiter.api.Test;

class BusinessEventShapeTest {

    private static BusinessEventShape shape(String json) {
        return BusinessEventShape.from(TestParams.of("generate[0].business-events", json));
    }

    private static void rejects(String json, String field, String problem) {
        assertThatThrownBy(() -> shape(json))
                .isInstanceOf(ScenarioDefinitionException.class)
                .satisfies(e -> assertThat(((ScenarioDefinitionException) e).field()).isEqualTo(field))
                .hasMessageContaining(problem)
                .hasMessageContaining("test.scenario.yaml");
    }

    @Test
    void defaultsAreAThousandEventsOfEachTypeUnthrottled() {
        BusinessEventShape shape = shape("{}");
        assertThat(shape.pacing().plannedCount()).isEqualTo(1000);
        assertThat(shape.pacing().ratePerSecond()).isZero();
        assertThat(shape.topic()).isEqualTo("raw_business_events");
    }

    @Test
    void durationAndRatePlanTheirProductPlusBurstExtras() {
        assertThat(shape("{\"duration\": \"10s\", \"rate\": \"200/s\"}").pacing().plannedCount()).isEqualTo(2000);
        long withBursts = shape("{\"duration\": \"10s\", \"rate\": \"200/s\", \"bursts\": {\"every\": \"5s\", \"for\": \"1s\","
                + " \"rate\": \"1000/s\"}}").pacing().plannedCount();
        assertThat(withBursts).isBetween(3600L, 3700L);
    }

    @Test
    void unknownSettingIsNamedWithASuggestion() {
        rejects("{\"cuont\": 5}", "generate[0].business-events.cuont", "did you mean 'count'");
    }

    @Test
    void contradictorySettingsAreRejected() {
        rejects("{\"count\": 5, \"duration\": \"5s\", \"rate\": 10}", "generate[0].business-events.duration", "contradicts 'count'");
        rejects("{\"duration\": \"5s\"}", "generate[0].business-events.duration", "needs a 'rate'");
        rejects("{\"bursts\": {\"every\": \"5s\", \"for\": \"1s\", \"rate\": 100}}", "generate[0].business-events.bursts",
                "needs a base 'rate'");
        rejects("{\"rate\": 100, \"bursts\": {\"every\": \"5s\", \"for\": \"6s\", \"rate\": 1000}}",
                "generate[0].business-events.bursts.for", "shorter than 'every'");
        rejects("{\"rate\": 100, \"bursts\": {\"every\": \"5s\", \"for\": \"1s\", \"rate\": 50}}",
                "generate[0].business-events.bursts.rate", "higher than the base rate");
        rejects("{\"late\": 0.6, \"out-of-order\": 0.5}", "generate[0].business-events.late", "exceed 1");
        rejects("{\"late-by\": \"5m\"}", "generate[0].business-events.late-by", "has no effect without 'late'");
        rejects("{\"poison-kinds\": [\"not-json\"]}", "generate[0].business-events.poison-kinds", "without 'malformed'");
        rejects("{\"without-payload\": 1.5}", "generate[0].business-events.without-payload", "between 0 and 1");
        rejects("{\"schema-versions\": {\"2\": 1.0}, \"schema-upgrade-at\": 10}",
                "generate[0].business-events.schema-upgrade-at", "contradicts 'schema-versions'");
        rejects("{\"count\": 100, \"schema-upgrade-at\": 100}", "generate[0].business-events.schema-upgrade-at",
                "must be between 1 and 99 (the planned 100 records)");
    }

    @Test
    void badValuesAreRejected() {
        rejects("{\"mix\": {\"loan\": 0.5, \"car\": 0.2}}", "generate[0].business-events.mix", "add up to 1");
        rejects("{\"mix\": {\"loan\": 0.5, \"boat\": 0.5}}", "generate[0].business-events.mix.boat", "unknown key 'boat'");
        rejects("{\"duplicates\": 1.5}", "generate[0].business-events.duplicates", "between 0 and 1");
        rejects("{\"skew\": -1}", "generate[0].business-events.skew", "Zipf exponent");
        rejects("{\"keys\": 0}", "generate[0].business-events.keys", "between 1 and 1000000");
        rejects("{\"malformed\": 0.1, \"poison-kinds\": [\"garbage\"]}", "generate[0].business-events.poison-kinds",
                "'garbage' is not one of");
        rejects("{\"schema-versions\": {\"3\": 1.0}}", "generate[0].business-events.schema-versions.3", "unknown key '3'");
        rejects("{\"count\": -3}", "generate[0].business-events.count", "greater than 0");
    }
}
