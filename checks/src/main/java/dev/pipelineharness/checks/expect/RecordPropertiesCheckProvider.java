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
        params.allowOnly("table", "topic", "where", "where-file", "within", "canary");
        OutputSource output = OutputSource.from(params, definition);
        UserSql predicate = UserSql.from(params, "where", "where-file", definition);
        return List.of(new RecordPropertiesCheck(output, predicate, CheckSettings.within(params),
                params.bool("canary", false)));
    }

    static final class RecordPropertiesCheck implements Check {

        /** The column telling the planted canary from the records read. */
        private static final String CANARY = "_canary";

        private final OutputSource output;
        private final UserSql predicate;
        private final Duration within;
        private final boolean canary;

        RecordPropertiesCheck(OutputSource output, UserSql predicate, Duration within, boolean canary) {
            this.canary = canary;
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
            List<Map<String, Object>> loaded = new ArrayList<>();
            for (Map<String, Object> record : records) {
                Map<String, Object> row = new java.util.LinkedHashMap<>(record);
                row.put(CANARY, false);
                loaded.add(row);
            }
            if (canary) {
                // a broken record: every field null, so the predicate is NULL and must count as violated
                Map<String, Object> broken = new java.util.LinkedHashMap<>();
                records.get(0).keySet().forEach(column -> broken.put(column, null));
                broken.put(CANARY, true);
                loaded.add(broken);
            }
            List<Map<String, Object>> violating;
            try (ScratchSchema scratch = new ScratchSchema(endpoint)) {
                scratch.load("records", loaded);
                violating = scratch.query("SELECT * FROM records WHERE NOT COALESCE((" + predicate.text() + "), FALSE)");
            } catch (SQLException e) {
                return Verdict.fail("record-properties: the predicate failed in PostgreSQL", predicate.explain(e));
            }
            List<String> entries = new ArrayList<>();
            boolean canaryFlagged = false;
            for (Map<String, Object> row : violating) {
                if (Boolean.TRUE.equals(row.remove(CANARY))) {
                    canaryFlagged = true;
                } else {
                    entries.add(row.toString());
                }
            }
            String subject = output.describe() + " where " + predicate.text();
            if (canary && !canaryFlagged) {
                return Verdict.fail(subject + ": the canary went unflagged, this check cannot be trusted in this run",
                        "a record with every field null satisfies the predicate, so it cannot tell a broken record");
            }
            Verdict verdict = new DiffReport(subject, records.size(), records.size() - entries.size())
                    .section("violating", entries).verdict();
            String flagged = canary ? "; canary flagged: a record with every field null" : "";
            return verdict.passed() ? Verdict.pass(verdict.summary() + flagged)
                    : Verdict.fail(verdict.summary() + flagged, verdict.details());
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
