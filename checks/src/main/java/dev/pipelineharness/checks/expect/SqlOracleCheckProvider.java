package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.CheckSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code sql-oracle}: an output table or topic equals, by key, the result of a SQL query over what
 * the generators actually wrote (see {@link GeneratedInputs} for the tables the query sees), run in a
 * scratch schema of the topology's PostgreSQL: an engine independent of Flink.
 *
 * <pre>
 * - sql-oracle:
 *     table: revenue_per_customer_hour
 *     key: [customer_id, hour_start]
 *     query: |
 *       SELECT o.customer_id, o.order_time / 3600000 * 3600000 AS hour_start, sum(o.amount) AS revenue
 *       FROM orders o JOIN customers c USING (customer_id) GROUP BY 1, 2
 *     within: 120s
 * </pre>
 * Only the query's columns are compared. A query PostgreSQL rejects fails the check with the
 * scenario file and line of the offending SQL.
 */
public final class SqlOracleCheckProvider implements CheckProvider {

    @Override
    public String name() {
        return "sql-oracle";
    }

    @Override
    public List<Check> create(Params params) {
        return create(params, DefinitionContext.detached());
    }

    @Override
    public List<Check> create(Params params, DefinitionContext definition) {
        params.allowOnly("table", "topic", "key", "query", "query-file", "within", "canary");
        OutputSource output = OutputSource.from(params, definition);
        List<String> key = RowsSettings.key(params);
        UserSql query = UserSql.from(params, "query", "query-file", definition);
        return List.of(new SqlOracleCheck(output, key, query, CheckSettings.within(params), params.bool("canary", false)));
    }

    static final class SqlOracleCheck implements Check {

        private final OutputSource output;
        private final List<String> key;
        private final UserSql query;
        private final Duration within;
        private List<Map<String, Object>> expected;
        private long expectedFrom = -1;
        private String queryError;
        private final boolean canary;

        SqlOracleCheck(OutputSource output, List<String> key, UserSql query, Duration within, boolean canary) {
            this.canary = canary;
            this.output = output;
            this.key = List.copyOf(key);
            this.query = query;
            this.within = within;
        }

        @Override
        public String describe() {
            return "sql-oracle: " + output.name();
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) throws Exception {
            JdbcEndpoint endpoint = context.deployment().endpoints().postgres().orElseThrow(
                    () -> new IllegalStateException("sql-oracle runs its query in PostgreSQL, but this topology has none"));
            long version = GeneratedInputs.version(context.store());
            if (queryError == null && version != expectedFrom) {
                try (ScratchSchema scratch = new ScratchSchema(endpoint)) {
                    GeneratedInputs.load(context.store(), scratch);
                    try {
                        expected = scratch.query(query.text());
                        expectedFrom = version;
                    } catch (SQLException e) {
                        // the query will not get better by waiting: keep the error for every evaluation
                        queryError = query.explain(e);
                    }
                }
            }
            if (queryError != null) {
                return Verdict.fail("sql-oracle: the oracle query failed in PostgreSQL", queryError);
            }
            return RowCanaries.judge(output.describe() + " against the oracle query", key, expected,
                    output.read(context), canary);
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
