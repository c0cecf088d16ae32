package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.checks.DiffReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code record-properties}: every record of a topic (or row of a table) satisfies a SQL predicate
 * over its fields ({@code where: "revenue > 0 AND order_count >= 1"}); the violating records are
 * listed. A predicate that is NULL for a record counts as violated. The records are loaded into a
 * scratch table and the predicate runs in PostgreSQL; at least one record must have arrived.
 */
public final class RecordPropertiesCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "record-properties";
    }

    @Override
    public List<Check> create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public List<Check> create(Params params, DefinitionContext definition) {
        params.allowOnly("table", "topic", "where", "where-file", "within");
        OutputSource output = OutputSource.from(params, definition);
        UserSql predicate = UserSql.from(params, "where", "where-file", definition);
        return List.of(new RecordPropertiesCheck(output, predicate, CheckSettings.within(params)));
    }

    static final class RecordPropertiesCheck implements Check {

        private final OutputSource output;
        private final UserSql predicate;
        private final Duration within;

        RecordPropertiesCheck(OutputSource output, UserSql predicate, Duration within) {
            this.output = output;
            this.predicate = predicate;
            this.within = within;
        }

        @Override
        public String describe() {
            return "record-properties: " + output.name() + " where " + predicate.text();
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) throws Exception {
            JdbcEndpoint endpoint = context.deployment().endpoints().postgres().orElseThrow(
                    () -> new IllegalStateException("record-properties runs its predicate in PostgreSQL, but this topology has none"));
            List<Map<String, Object>> records = output.read(context);
            if (records.isEmpty()) {
                return Verdict.fail(output.describe() + ": no record to judge yet", "");
            }
            List<Map<String, Object>> violating;
            try (ScratchSchema scratch = new ScratchSchema(endpoint)) {
                scratch.load("records", records);
                violating = scratch.query("SELECT * FROM records WHERE NOT COALESCE((" + predicate.text() + "), FALSE)");
            } catch (SQLException e) {
                return Verdict.fail("record-properties: the predicate failed in PostgreSQL", predicate.explain(e));
            }
            List<String> entries = new ArrayList<>();
            violating.forEach(row -> entries.add(row.toString()));
            return new DiffReport(output.describe() + " where " + predicate.text(), records.size(),
                    records.size() - violating.size()).section("violating", entries).verdict();
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
