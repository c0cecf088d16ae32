package dev.pipelineharness.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipelineharness.api.ScenarioDefinitionException;
import dev.pipelineharness.engine.yaml.EnvironmentSubstitution;
import dev.pipelineharness.engine.scenario.ProviderRegistry;
import dev.pipelineharness.engine.scenario.ScenarioDefinition;
import dev.pipelineharness.engine.scenario.ScenarioParser;
import dev.pipelineharness.engine.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The revenue example, loaded as the engine loads it and without starting anything: its scenarios
 * and its mutant are valid, and a bad expectation in a scenario next to them is an error naming the
 * file, the line and what is wrong.
 */
class OwnPipelineScenariosTest {

    private final ScenarioParser parser = new ScenarioParser(ProviderRegistry.load(getClass().getClassLoader()),
            EnvironmentSubstitution.ofSystemEnvironment(), "embedded");

    private ScenarioDefinition parse(Path file) throws Exception {
        return parser.parse(new ScenarioSource(file.toString(), Files.readString(file), Optional.of(file.getParent())));
    }

    private ScenarioDefinitionException error(String text) {
        Path suite = Path.of("suite");
        return catchThrowableOfType(ScenarioDefinitionException.class, () -> parser.parse(
                new ScenarioSource("suite/bad.scenario.yaml", text, Optional.of(suite))));
    }

    @Test
    void theExampleScenariosAndTheirMutantLoad() throws Exception {
        assertThat(parse(Path.of("suite/revenue.scenario.yaml")).checks()).hasSize(5);
        assertThat(parse(Path.of("suite/revenue-golden.scenario.yaml")).checks()).hasSize(3);
        assertThat(parse(Path.of("mutants/revenue-counts-cancelled/mutant.scenario.yaml")).pipeline().name())
                .isEqualTo("mutant-revenue-counts-cancelled");
    }

    @Test
    void anExpectationOnATopicThePipelineLacksIsALoadTimeError() {
        ScenarioDefinitionException error = error("""
                scenario: bad
                pipeline: ../pipelines/revenue
                expect:
                  - record-properties: {topic: revenue_per_customer, where: "revenue > 0"}
                """);
        assertThat(error.getMessage()).startsWith("suite/bad.scenario.yaml:4:")
                .contains("expect[0].record-properties.topic", "topic 'revenue_per_customer' is not declared by pipeline 'revenue'",
                        "did you mean 'revenue_per_customer_hour'");
    }

    @Test
    void aLedgerDestinationThePipelineLacksIsALoadTimeError() {
        ScenarioDefinitionException error = error("""
                scenario: bad
                pipeline: ../pipelines/revenue
                generate:
                  - records:
                      table: orders
                      key: order_id
                      count: 10
                      ledger: {destination: cdc_order}
                      fields: {order_id: {id: o-, cardinality: 10}}
                expect:
                  - no-loss
                """);
        assertThat(error.getMessage()).startsWith("suite/bad.scenario.yaml:8:")
                .contains("generate[0].records.ledger.destination", "topic 'cdc_order' is not declared by pipeline 'revenue'",
                        "did you mean 'cdc_orders'");
    }

    @Test
    void aGeneratorIntoATableTheDdlLacksIsALoadTimeError() {
        ScenarioDefinitionException error = error("""
                scenario: bad
                pipeline: ../pipelines/revenue
                generate:
                  - records: {table: order, count: 3, fields: {order_id: {id: o-, cardinality: 3}}}
                expect:
                  - expected-rows: {table: revenue_per_customer_hour, key: [customer_id], rows: []}
                """);
        assertThat(error.getMessage()).startsWith("suite/bad.scenario.yaml:4:")
                .contains("generate[0].records.table", "did you mean 'orders'", "created: customers, orders, revenue_per_customer_hour");
    }
}
