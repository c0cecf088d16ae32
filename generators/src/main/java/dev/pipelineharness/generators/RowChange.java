package dev.pipelineharness.generators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One committed change of a PostgreSQL row: an insert or update carries every column, a delete only
 * the key columns. Values are {@link String}, {@link Long}, {@link Integer} or
 * {@link java.math.BigDecimal}.
 */
public record RowChange(String table, Op op, List<String> keyColumns, Map<String, Object> row) {

    public enum Op { INSERT, UPDATE, DELETE }

    public RowChange {
        keyColumns = List.copyOf(keyColumns);
        row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    /** The key columns' values joined with {@code |}, for per-key bookkeeping. */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String column : keyColumns) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(row.get(column));
        }
        return key.toString();
    }
}
