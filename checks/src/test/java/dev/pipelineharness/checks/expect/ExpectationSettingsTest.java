package dev.pipelineharness.checks.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.TopicSpec;
import dev.pipelineharness.testkit.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad expectations are errors at load time, naming file, line and what is wrong. */
class ExpectationSettingsTest {

    private static final DefinitionContext SHOP = DefinitionContext.of(new PipelineDefinition("shop", Path.of("."),
            List.of(new TopicSpec("revenue_topic", 1, "json", Map.of("cleanup.policy", "compact"))), List.of(),
            List.of(new PipelineFile(Path.of("t.sql"), "t.sql", "CREATE TABLE revenue (customer_id TEXT);")),
            List.of(), List.of()), Path.of("."));

    @Test
    void anUnknownTopicOrTableNamesWhatThePipelineDeclares() {
        assertThat(Providers.definitionError(() -> Providers.check("sql-oracle",
                "{topic: revenue_topc, key: [a], query: SELECT 1}", SHOP)).getMessage())
                .contains("test.scenario.yaml:1:", "expect[0].sql-oracle.topic", "topic 'revenue_topc' is not declared",
                        "did you mean 'revenue_topic'");
        assertThat(Providers.definitionError(() -> Providers.check("expected-rows",
                "{table: revenues, key: [a], rows: []}", SHOP)).getMessage())
                .contains("expect[0].expected-rows.table", "table 'revenues' is not created", "created: revenue");
        assertThat(Providers.definitionError(() -> Providers.check("record-properties",
                "{topic: nope, where: 'a > 0'}", SHOP)).getMessage()).contains("topic 'nope' is not declared");
    }

    @Test
    void missingSettingsSayWhatIsNeeded() {
        assertThat(Providers.definitionError(() -> Providers.check("sql-oracle", "{table: revenue, query: SELECT 1}", SHOP))
                .getMessage()).contains("expect[0].sql-oracle.key", "is required");
        assertThat(Providers.definitionError(() -> Providers.check("sql-oracle", "{table: revenue, key: [a]}", SHOP))
                .getMessage()).contains("give exactly one of 'query'");
        assertThat(Providers.definitionError(() -> Providers.check("sql-oracle",
                "{table: revenue, key: [a], query-file: nope.sql}", SHOP)).getMessage())
                .contains("expect[0].sql-oracle.query-file", "file 'nope.sql' not found");
    }

    @Test
    void aBadExpectedRowsFileNamesItsLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("golden.jsonl"), "{\"a\": 1}\n[1, 2]\n");
        DefinitionContext here = new DefinitionContext(SHOP.pipeline(), folder);
        assertThat(Providers.definitionError(() -> Providers.check("expected-rows",
                "{table: revenue, key: [a], file: golden.jsonl}", here)).getMessage())
                .contains("golden.jsonl:2", "expected a JSON object");
    }

    @Test
    void aQueryErrorPositionBecomesAScenarioLine() {
        UserSql sql = new UserSql("SELECT a,\n  sum(amout)\nFROM t", new dev.pipelineharness.api.Location("s.yaml", 10, 5), true);
        var error = new org.postgresql.util.PSQLException(new org.postgresql.util.ServerErrorMessage(
                "SERROR\u0000C42703\u0000Mcolumn \"amout\" does not exist\u0000P17\u0000"));
        assertThat(sql.explain(error)).startsWith("s.yaml:12: ").contains("column \"amout\" does not exist", "sum(amout)");
    }
}
