package dev.pipelineharness.checks;

import dev.pipelineharness.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a table's rows with the oracle's, by primary key: missing keys, extra keys (and keys
 * seen twice), and rows whose columns differ (only the oracle's columns are compared, with
 * {@link Values#scalarEquals}). Pure: no I/O.
 */
public final class RowComparison {

    private RowComparison() {
    }

    /** The sections of a comparison by key, each entry as the report shows it. */
    public record RowDiff(List<String> missing, List<String> extra, List<String> wrong) {

        public boolean clean() {
            return missing.isEmpty() && extra.isEmpty() && wrong.isEmpty();
        }
    }

    public static Verdict compare(String subject, List<String> keyColumns, List<Map<String, Object>> expected,
                                  List<Map<String, Object>> observed) {
        return report(subject, expected.size(), observed.size(), diff(keyColumns, expected, observed));
    }

    /** The report of a diff: a summary of counts and the missing, extra and wrong sections. */
    public static Verdict report(String subject, long expected, long observed, RowDiff diff) {
        return new DiffReport(subject, expected, observed)
                .section("missing", diff.missing())
                .section("extra", diff.extra())
                .section("wrong", diff.wrong())
                .verdict();
    }

    public static RowDiff diff(List<String> keyColumns, List<Map<String, Object>> expected,
                               List<Map<String, Object>> observed) {
        Map<String, Map<String, Object>> expectedByKey = byKey(keyColumns, expected, null);
        List<String> extra = new ArrayList<>();
        Map<String, Map<String, Object>> observedByKey = byKey(keyColumns, observed, extra);
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : expectedByKey.entrySet()) {
            Map<String, Object> actual = observedByKey.get(entry.getKey());
            if (actual == null) {
                missing.add(render(entry.getValue()));
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, Object> column : entry.getValue().entrySet()) {
                Object value = actual.get(column.getKey());
                if (!Values.scalarEquals(column.getValue(), value)) {
                    differences.add(column.getKey() + " expected " + column.getValue() + " observed " + value);
                }
            }
            if (!differences.isEmpty()) {
                wrong.add(entry.getKey() + ": " + String.join(", ", differences));
            }
        }
        for (Map.Entry<String, Map<String, Object>> entry : observedByKey.entrySet()) {
            if (!expectedByKey.containsKey(entry.getKey())) {
                extra.add(render(entry.getValue()));
            }
        }
        return new RowDiff(List.copyOf(missing), List.copyOf(extra), List.copyOf(wrong));
    }

    private static Map<String, Map<String, Object>> byKey(List<String> keyColumns, List<Map<String, Object>> rows,
                                                         List<String> duplicates) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String key = key(keyColumns, row);
            if (result.putIfAbsent(key, row) != null && duplicates != null) {
                duplicates.add("key " + key + " appears more than once: " + render(row));
            }
        }
        return result;
    }

    /** {@code (item_a=item-00001, item_b=item-00002)}: the key columns as text. */
    public static String key(List<String> keyColumns, Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        for (String column : keyColumns) {
            Object value = row.get(column);
            // numbers by value, so window_start 1800000 (Long) and 1800000 (Integer or "1800000") meet
            parts.add(column + "=" + (value instanceof Number n ? new java.math.BigDecimal(n.toString())
                    .stripTrailingZeros().toPlainString() : value));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    public static String render(Map<String, Object> row) {
        return row.toString();
    }
}
