package dev.pipelineharness.checks.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.checks.PostgresSchemaFixture;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.SharesTheMachine;
import dev.pipelineharness.testkit.StubDeployment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The expectations on a real PostgreSQL: records generators write customers and orders, a stand-in
 * for the pipeline fills the result table, and sql-oracle, expected-rows and record-properties pass
 * on it, then each goes red when a result row is changed behind its back; a broken oracle query is
 * reported with the scenario line it is on.
 */
@ExtendWith(SharesTheMachine.class)
class ExpectationsPostgresIT {

    private static final String SCHEMA = "r1_test";
    private static final String DDL = """
            CREATE TABLE customers (customer_id TEXT PRIMARY KEY, name TEXT, region TEXT);
            CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT, amount NUMERIC(12,2), status TEXT, order_time BIGINT);
            CREATE TABLE revenue (customer_id TEXT, hour_start BIGINT, order_count BIGINT, revenue NUMERIC(12,2),
                                  PRIMARY KEY (customer_id, hour_start));
            """;
    private static final DefinitionContext SHOP = DefinitionContext.of(new PipelineDefinition("shop", Path.of("."),
            List.of(), List.of(), List.of(new PipelineFile(Path.of("shop.sql"), "shop.sql", DDL)), List.of(), List.of()),
            Path.of("."));
    private static final String ORACLE = """
            {table: revenue, key: [customer_id, hour_start], within: 1s, query: "SELECT customer_id,
              order_time / 3600000 * 3600000 AS hour_start, count(*) AS order_count, sum(amount) AS revenue
              FROM orders JOIN customers USING (customer_id) WHERE status <> 'CANCELLED' GROUP BY 1, 2"}""";

    private static PostgresSchemaFixture postgres;
    private static StubDeployment deployment;

    @BeforeAll
    static void generate() throws Exception {
        postgres = PostgresSchemaFixture.withSchema(SCHEMA, DDL);
        deployment = postgres.deployment();
        Providers.generator("records", "{table: customers, key: customer_id, count: 12, updates: 0.2, fields: {"
                + "customer_id: {id: c-, cardinality: 10}, name: {faker: '#{Name.fullName}'}}}", SHOP)
                .generate(deployment.generation(1));
        Providers.generator("records", "{table: orders, key: order_id, count: 120, updates: 0.1, deletes: 0.1,"
                + " commit-every: 7, fields: {order_id: {id: o-, cardinality: 100}, customer_id: {id: c-, cardinality: 12},"
                + " amount: {type: decimal, min: 1, max: 50}, status: {values: [PAID, CANCELLED]},"
                + " order_time: {event-time: {spread: 3h}}}}", SHOP).generate(deployment.generation(2));
        // the "pipeline": the same statement, so the oracle must agree with it
        try (Connection connection = postgres.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO revenue SELECT customer_id, order_time / 3600000 * 3600000, count(*), sum(amount)"
                    + " FROM orders JOIN customers USING (customer_id) WHERE status <> 'CANCELLED' GROUP BY 1, 2");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Verdict evaluate(String provider, String snippet) throws Exception {
        try (Check check = Providers.check(provider, snippet, SHOP).get(0)) {
            return check.evaluate(deployment.checking());
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = postgres.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theOracleAgreesWithTheSameStatementAndCatchesAChangedRow() throws Exception {
        assertThat(deployment.published).containsKeys("coverage.inserts", "coverage.updates", "coverage.deletes");
        Verdict verdict = evaluate("sql-oracle", ORACLE);
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).contains("exact");

        execute("UPDATE revenue SET revenue = revenue + 1 WHERE (customer_id, hour_start) IN"
                + " (SELECT customer_id, hour_start FROM revenue ORDER BY 1, 2 LIMIT 1)");
        try {
            Verdict red = evaluate("sql-oracle", ORACLE);
            assertThat(red.passed()).isFalse();
            assertThat(red.message()).contains("1 wrong", "revenue expected");
        } finally {
            execute("UPDATE revenue SET revenue = revenue - 1 WHERE (customer_id, hour_start) IN"
                    + " (SELECT customer_id, hour_start FROM revenue ORDER BY 1, 2 LIMIT 1)");
        }
    }

    @Test
    void aBrokenQueryNamesTheScenarioLineOfTheMistake() throws Exception {
        Verdict verdict = evaluate("sql-oracle", """
                table: revenue
                key: [customer_id]
                query: |
                  SELECT customer_id,
                         sum(amout) AS revenue
                  FROM orders GROUP BY 1
                """);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).contains("test.scenario.yaml:5:", "amout", "does not exist", "sum(amout)");
    }

    @Test
    void expectedRowsAndRecordPropertiesJudgeTheTable() throws Exception {
        Verdict none = evaluate("expected-rows", "{table: revenue, key: [customer_id, hour_start],"
                + " rows: [{customer_id: c-99999, hour_start: 0, revenue: 1.50}]}");
        assertThat(none.passed()).isFalse();
        assertThat(none.message()).contains("missing", "c-99999", "extra");

        Verdict positive = evaluate("record-properties", "{table: revenue, where: 'revenue > 0 AND order_count >= 1'}");
        assertThat(positive.passed()).as(positive.message()).isTrue();
        Verdict small = evaluate("record-properties", "{table: revenue, where: 'revenue < 20'}");
        assertThat(small.passed()).isFalse();
        assertThat(small.message()).contains("violating", "customer_id=c-");
    }

    @Test
    void canariesAreFlaggedInTheSameEvaluationWhileTheRestIsJudgedAsUsual() throws Exception {
        Verdict oracle = evaluate("sql-oracle", ORACLE.replace("within: 1s", "within: 1s, canary: true"));
        assertThat(oracle.passed()).as(oracle.message()).isTrue();
        assertThat(oracle.summary()).contains("exact; canaries flagged: lost (customer_id=canary-c-", "duplicated (customer_id=c-");

        Verdict properties = evaluate("record-properties", "{table: revenue, where: 'revenue > 0', canary: true}");
        assertThat(properties.passed()).as(properties.message()).isTrue();
        assertThat(properties.summary()).contains("canary flagged: a record with every field null");

        Verdict blind = evaluate("record-properties", "{table: revenue, where: 'true', canary: true}");
        assertThat(blind.passed()).isFalse();
        assertThat(blind.message()).contains("the canary went unflagged", "cannot tell a broken record");

        execute("DELETE FROM revenue WHERE (customer_id, hour_start) IN"
                + " (SELECT customer_id, hour_start FROM revenue ORDER BY 1, 2 DESC LIMIT 1)");
        Verdict red = evaluate("sql-oracle", ORACLE.replace("within: 1s", "within: 1s, canary: true"));
        assertThat(red.passed()).isFalse();
        assertThat(red.summary()).contains("(1 missing)", "canaries flagged");
        assertThat(red.details()).doesNotContain("canary-");
        execute("DELETE FROM revenue");
        execute("INSERT INTO revenue SELECT customer_id, order_time / 3600000 * 3600000, count(*), sum(amount)"
                + " FROM orders JOIN customers USING (customer_id) WHERE status <> 'CANCELLED' GROUP BY 1, 2");
    }

    @Test
    void theScratchSchemaIsGoneAfterwards() throws Exception {
        evaluate("sql-oracle", ORACLE);
        try (Connection connection = postgres.connect();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'expect_%'")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}
