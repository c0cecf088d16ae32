package dev.pipelineharness.checks.reference;

import dev.pipelineharness.checks.CheckSettings;
import dev.pipelineharness.checks.RowComparison;
import dev.pipelineharness.checks.TableReader;
import dev.pipelineharness.api.Check;
import dev.pipelineharness.api.CheckContext;
import dev.pipelineharness.api.CheckProvider;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.Verdict;
import dev.pipelineharness.generators.GeneratedRowChanges;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.interaction.GeneratedInteractions;
import dev.pipelineharness.generators.interaction.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code table-matches: {table: NAME, key: [columns], within: 60s}}: the PostgreSQL table of that
 * name in the scenario's schema equals the oracle's rows, by key. Tables: the five analytics tables
 * ({@link AnalyticsOracle}, key defaults to their primary key) and the source tables the generators
 * wrote (current state after all committed changes; key defaults to their primary key).
 */
public final class TableMatchesCheckProvider implements CheckProvider {

    private static final Map<String, List<String>> SOURCE_KEYS = Map.of(
            "users", List.of("user_id"), "categories", List.of("category_id"), "items", List.of("item_id"),
            "reviews", List.of("review_id"), "loan_entities", List.of("loan_id"), "car_entities", List.of("car_id"));

    @Override
    public String name() {
        return "table-matches";
    }

    @Override
    public List<Check> create(Params params) {
        params.allowOnly("table", "key", "within");
        String table = params.string("table");
        List<String> defaultKey = AnalyticsOracle.KEYS.containsKey(table) ? AnalyticsOracle.KEYS.get(table)
                : SOURCE_KEYS.get(table);
        if (defaultKey == null) {
            List<String> known = new ArrayList<>(AnalyticsOracle.KEYS.keySet());
            known.addAll(SOURCE_KEYS.keySet());
            throw params.error("table", "the oracle knows no table '" + table + "'"
                    + dev.pipelineharness.api.support.Suggestions.didYouMean(table, known) + "; known: "
                    + String.join(", ", new java.util.TreeSet<>(known)));
        }
        List<String> key = params.strings("key", defaultKey);
        if (key.isEmpty()) {
            throw params.error("key", "must name at least one column");
        }
        return List.of(new TableMatchesCheck(table, key, CheckSettings.within(params)));
    }

    /** The oracle's rows for {@code table}, from what the generators committed and wrote. */
    static List<Map<String, Object>> expected(String table, List<RowChange> changes, List<Interaction> interactions) {
        if (AnalyticsOracle.KEYS.containsKey(table)) {
            return AnalyticsOracle.expected(changes, interactions).get(table);
        }
        return new ArrayList<>(AnalyticsOracle.CurrentTables.apply(changes).rows(table).values());
    }

    static final class TableMatchesCheck implements Check {

        private final String table;
        private final List<String> key;
        private final Duration within;
        private List<Map<String, Object>> expected;
        private List<Integer> expectedFrom = List.of();

        TableMatchesCheck(String table, List<String> key, Duration within) {
            this.table = table;
            this.key = List.copyOf(key);
            this.within = within;
        }

        @Override
        public String describe() {
            return "table-matches: " + table;
        }

        @Override
        public Duration within() {
            return within;
        }

        @Override
        public Verdict evaluate(CheckContext context) throws Exception {
            JdbcEndpoint endpoint = context.deployment().endpoints().postgres().orElseThrow(
                    () -> new IllegalStateException("table-matches needs PostgreSQL, but this topology has none"));
            List<RowChange> changes = context.store().get(GeneratedRowChanges.class)
                    .map(GeneratedRowChanges::snapshot).orElse(List.of());
            List<Interaction> interactions = context.store().get(GeneratedInteractions.class)
                    .map(GeneratedInteractions::snapshot).orElse(List.of());
            // the oracle runs once per generated input, not once per evaluation
            List<Integer> sizes = List.of(changes.size(), interactions.size());
            if (!sizes.equals(expectedFrom)) {
                expected = expected(table, changes, interactions);
                expectedFrom = sizes;
            }
            List<Map<String, Object>> observed = new TableReader(endpoint).readAll(context.deployment().postgresSchema(), table);
            return RowComparison.compare("table " + table, key, expected, observed);
        }
    }
}
