package dev.pipelineharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.Deployment;
import dev.pipelineharness.api.Endpoints;
import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Namespace;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.testkit.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ddl fault against a fake schema: what it runs where, its evidence, and a change that changed nothing. */
class SchemaChangeFaultProviderTest {

    private final Map<String, List<String>> tables = new LinkedHashMap<>(Map.of(
            "loan_entities", new ArrayList<>(List.of("loan_id text", "status text"))));
    private final List<String> executed = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private boolean statementChangesNothing;

    private final SchemaChangeFaultProvider.SchemaChanges fakeDatabase = new SchemaChangeFaultProvider.SchemaChanges() {
        @Override
        public Map<String, List<String>> columns(FaultContext context, String schema) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            tables.forEach((table, columns) -> copy.put(table, List.copyOf(columns)));
            return copy;
        }

        @Override
        public void execute(FaultContext context, String schema, String statement) {
            executed.add(schema + ": " + statement);
            if (!statementChangesNothing) {
                tables.get("loan_entities").add("note text");
            }
        }
    };

    private Fault fault(String snippet) {
        return new SchemaChangeFaultProvider(fakeDatabase).create(TestParams.of("faults[0].ddl", snippet));
    }

    @Test
    void runsTheStatementInTheScenariosSchemaWithTheColumnsBeforeAndAfterAsEvidence() throws Exception {
        Fault ddl = fault("ALTER TABLE loan_entities ADD COLUMN note TEXT");
        assertThat(ddl.disturbsOtherScenarios(null)).isFalse();
        ddl.inject(context());
        ddl.heal(context());

        assertThat(executed).containsExactly("r1_cdc: ALTER TABLE loan_entities ADD COLUMN note TEXT");
        assertThat(evidence).containsExactly(
                "r1_cdc: ran 'ALTER TABLE loan_entities ADD COLUMN note TEXT'; loan_entities columns"
                        + " [loan_id text, status text] -> [loan_id text, status text, note text]",
                "r1_cdc: the schema change stays (nothing to heal)");
        assertThat(ddl.describe()).isEqualTo("ddl ALTER TABLE loan_entities ADD COLUMN note TEXT");
    }

    @Test
    void aStatementThatChangedNoColumnHadNoEffect() {
        statementChangesNothing = true;
        assertThatThrownBy(() -> fault("{statement: 'COMMENT ON TABLE loan_entities IS ''x'''}").inject(context()))
                .hasMessage("ddl COMMENT ON TABLE loan_entities IS 'x' had no effect: no table of schema r1_cdc changed"
                        + " its columns");
        assertThat(evidence).isEmpty();
    }

    @Test
    void aBlankStatementIsRefusedWhereItWasWritten() {
        assertThat(dev.pipelineharness.testkit.Providers.definitionError(() -> fault("{statement: ' '}")))
                .hasMessageContaining("faults[0].ddl.statement: must not be blank");
        assertThat(dev.pipelineharness.testkit.Providers.definitionError(() -> fault("{sql: x}")))
                .hasMessageContaining("faults[0].ddl.sql: unknown key 'sql'");
    }

    private FaultContext context() {
        Deployment deployment = new Deployment() {
            @Override
            public Namespace namespace() {
                return new Namespace("r1", "cdc");
            }

            @Override
            public PipelineDefinition pipeline() {
                return new PipelineDefinition("p", Path.of("."), List.of(), List.of(), List.of(), List.of(), List.of());
            }

            @Override
            public Endpoints endpoints() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String topic(String logicalName) {
                return logicalName;
            }

            @Override
            public String postgresSchema() {
                return "r1_cdc";
            }

            @Override
            public String dynamoTable(String logicalName) {
                return logicalName;
            }

            @Override
            public List<Path> logFiles() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        return new FaultContext() {
            @Override
            public Topology topology() {
                return null;
            }

            @Override
            public Deployment deployment() {
                return deployment;
            }

            @Override
            public ScenarioStore store() {
                return new ScenarioStore();
            }

            @Override
            public void evidence(String observation) {
                evidence.add(observation);
            }
        };
    }
}
