package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.GeneratedRowChanges;
import dev.pipelineharness.testkit.SharesTheMachine;
import dev.pipelineharness.testkit.StubDeployment;
import dev.pipelineharness.testkit.TestParams;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL path on a real server: the entity-changes and reference-data generators write
 * through JDBC batches into the tables of docs/pipelines.md, and table-matches reads them back and
 * agrees with the oracle, then goes red when a row is changed behind its back.
 */
@ExtendWith(SharesTheMachine.class)
class PostgresRoundTripIT {

    private static final String SCHEMA = "r1_test";
    private static PostgresSchemaFixture postgres;
    private static StubDeployment deployment;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresSchemaFixture.withSchema(SCHEMA,
                "CREATE TABLE loan_entities(loan_id TEXT PRIMARY KEY, customer_name TEXT, amount NUMERIC(12,2),"
                        + " term_months INT, status TEXT, updated_at BIGINT)",
                "CREATE TABLE car_entities(car_id TEXT PRIMARY KEY, vin TEXT, make TEXT, model TEXT,"
                        + " price NUMERIC(12,2), status TEXT, updated_at BIGINT)",
                "CREATE TABLE users(user_id TEXT PRIMARY KEY, name TEXT, email TEXT, city TEXT, signup_time BIGINT)",
                "CREATE TABLE categories(category_id TEXT PRIMARY KEY, name TEXT)",
                "CREATE TABLE items(item_id TEXT PRIMARY KEY, name TEXT, category_id TEXT, price NUMERIC(12,2))",
                "CREATE TABLE reviews(review_id TEXT PRIMARY KEY, item_id TEXT, user_id TEXT, rating INT,"
                        + " review_time BIGINT)");
        deployment = postgres.deployment();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static GeneratorProvider generator(String name) {
        return ServiceLoader.load(GeneratorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Check tableMatches(String table) {
        CheckProvider provider = ServiceLoader.load(CheckProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("table-matches")).findFirst().orElseThrow();
        return provider.create(TestParams.of("expect[0].table-matches", "{\"table\": \"" + table + "\"}")).get(0);
    }

    @Test
    void generatedRowsLandAndTableMatchesAgreesThenCatchesATamperedRow() throws Exception {
        generator("entity-changes").create(TestParams.of("generate[0].entity-changes",
                "{\"count\": 300, \"keys\": 30, \"deletes\": 0.2, \"commit-every\": 40}")).generate(deployment.generation(7));
        generator("reference-data").create(TestParams.of("generate[1].reference-data",
                "{\"users\": 20, \"items\": 15, \"reviews\": 80, \"updates\": 25, \"deletes\": 6}")).generate(deployment.generation(8));
        assertThat(deployment.store().get(GeneratedRowChanges.class).orElseThrow().size())
                .isEqualTo(300 + 8 + 20 + 15 + 80 + 25 + 6);

        for (String table : new String[] {"loan_entities", "car_entities", "users", "categories", "items", "reviews"}) {
            Verdict verdict = tableMatches(table).evaluate(deployment.checking());
            assertThat(verdict.passed()).as(verdict.message()).isTrue();
        }

        try (Connection connection = postgres.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE " + SCHEMA + ".users SET name = 'Mallory' WHERE user_id = 'user-00001'");
            statement.execute("DELETE FROM " + SCHEMA + ".items WHERE item_id IN (SELECT item_id FROM " + SCHEMA
                    + ".items ORDER BY item_id LIMIT 1)");
        }
        Verdict users = tableMatches("users").evaluate(deployment.checking());
        assertThat(users.passed()).isFalse();
        assertThat(users.details()).contains("(user_id=user-00001): name expected").contains("observed Mallory");
        Verdict items = tableMatches("items").evaluate(deployment.checking());
        assertThat(items.passed()).isFalse();
        assertThat(items.details()).contains("missing (1):");
    }
}
