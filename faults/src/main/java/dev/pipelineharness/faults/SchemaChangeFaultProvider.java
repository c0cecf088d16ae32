package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Topology;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ddl: "ALTER TABLE loan_entities ADD COLUMN note TEXT"}: a schema change of a CDC source
 * table while the pipeline runs, as an application's migration does. The statement runs in the
 * scenario's own PostgreSQL schema (its {@code search_path}), so it names tables as the pipeline's
 * DDL does. Evidence: the tables' columns before and after; a statement that changed no column had
 * no effect. Nothing is healed: a migration stays.
 */
public final class SchemaChangeFaultProvider implements FaultProvider {

    /** The fault kind; a topology offers it when faults may change its PostgreSQL schemas. */
    public static final String KIND = "ddl";
    /** How long the statement may wait for the table's lock (writers hold it while they commit). */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(15);

    private final SchemaChanges changes;

    public SchemaChangeFaultProvider() {
        this(new JdbcSchemaChanges(LOCK_TIMEOUT));
    }

    SchemaChangeFaultProvider(SchemaChanges changes) {
        this.changes = changes;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public Fault create(Params params) {
        String statement;
        if (params.isScalar()) {
            statement = params.scalarText();
        } else {
            params.allowOnly("statement");
            statement = params.string("statement");
        }
        if (statement.isBlank()) {
            throw params.isScalar() ? new dev.pipelineharness.api.ScenarioDefinitionException(params.location(),
                    params.field(), "a ddl fault needs its statement") : params.error("statement", "must not be blank");
        }
        return new SchemaChange(statement.strip(), changes);
    }

    /** What the fault needs of the database: the schema's columns, and running one statement in it. */
    interface SchemaChanges {
        /** Each table of {@code schema} to its columns ({@code name type}), in order. */
        Map<String, java.util.List<String>> columns(FaultContext context, String schema) throws Exception;

        void execute(FaultContext context, String schema, String statement) throws Exception;
    }

    private static final class SchemaChange implements Fault {
        private final String statement;
        private final SchemaChanges changes;

        SchemaChange(String statement, SchemaChanges changes) {
            this.statement = statement;
            this.changes = changes;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return KIND + " " + statement;
        }

        /** The schema is the deployment's own: other scenarios' tables are not touched. */
        @Override
        public boolean disturbsOtherScenarios(Topology topology) {
            return false;
        }

        @Override
        public void inject(FaultContext context) throws Exception {
            String schema = context.deployment().postgresSchema();
            Map<String, java.util.List<String>> before = changes.columns(context, schema);
            changes.execute(context, schema, statement);
            Map<String, java.util.List<String>> after = changes.columns(context, schema);
            if (after.equals(before)) {
                throw new IllegalStateException(describe() + " had no effect: no table of schema " + schema
                        + " changed its columns");
            }
            StringBuilder evidence = new StringBuilder(schema).append(": ran '").append(statement).append("'");
            after.forEach((table, columns) -> {
                if (!columns.equals(before.get(table))) {
                    evidence.append("; ").append(table).append(" columns ").append(before.getOrDefault(table, java.util.List.of()))
                            .append(" -> ").append(columns);
                }
            });
            before.keySet().stream().filter(table -> !after.containsKey(table))
                    .forEach(table -> evidence.append("; ").append(table).append(" dropped"));
            context.evidence(evidence.toString());
        }

        @Override
        public void heal(FaultContext context) {
            context.evidence(context.deployment().postgresSchema() + ": the schema change stays (nothing to heal)");
        }
    }
}
