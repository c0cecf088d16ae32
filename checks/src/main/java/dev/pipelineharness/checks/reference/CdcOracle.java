package dev.pipelineharness.checks.reference;

import dev.pipelineharness.checks.ExpectedChange;
import dev.pipelineharness.generators.RowChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change events expected on {@code cdc_<table>} (docs/pipelines.md, section 1): one per
 * committed insert, update and delete, in commit order per primary key.
 */
public final class CdcOracle {

    private CdcOracle() {
    }

    /** The CDC topic (logical name) for an entity table. */
    public static String topicOf(String table) {
        return "cdc_" + table;
    }

    public static List<ExpectedChange> expected(List<RowChange> changes, String table) {
        List<ExpectedChange> result = new ArrayList<>();
        for (RowChange change : changes) {
            if (!change.table().equals(table)) {
                continue;
            }
            String op = switch (change.op()) {
                case INSERT -> "c";
                case UPDATE -> "u";
                case DELETE -> "d";
            };
            Map<String, String> after = new LinkedHashMap<>();
            if (change.op() != RowChange.Op.DELETE) {
                change.row().forEach((column, value) -> after.put(column, text(value)));
            }
            result.add(new ExpectedChange(change.key(), op, after));
        }
        return result;
    }

    /** Values as text, decimals without trailing zeros so 12.50 and 12.5 read the same. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
