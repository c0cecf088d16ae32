package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.ScenarioStore;
import dev.pipelineharness.generators.GeneratedRowChanges;
import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.records.GeneratedRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the scenario's generators actually wrote, as tables for the batch oracle:
 * <ul>
 *   <li>a table written by {@code records}, {@code replay} or a reference generator appears under its
 *       name with its state after every committed change, and as {@code NAME_changes}: every committed
 *       change in commit order with {@code _seq} and {@code _op} ({@code insert}, {@code update},
 *       {@code delete}; a delete holds only the key columns);</li>
 *   <li>a topic appears under its name with every record written, in write order: its fields plus
 *       {@code _seq} and {@code _acknowledged} (whether Kafka confirmed the write).</li>
 * </ul>
 */
final class GeneratedInputs {

    private GeneratedInputs() {
    }

    /** A number that grows whenever generated input grows, so the oracle reruns only then. */
    static long version(ScenarioStore store) {
        return store.get(GeneratedRows.class).map(GeneratedRows::size).orElse(0L)
                + store.get(GeneratedRowChanges.class).map(GeneratedRowChanges::size).orElse(0);
    }

    static void load(ScenarioStore store, ScratchSchema scratch) throws SQLException {
        Map<String, List<RowChange>> tables = new LinkedHashMap<>();
        store.get(GeneratedRowChanges.class).ifPresent(changes -> {
            for (RowChange change : changes.snapshot()) {
                tables.computeIfAbsent(change.table(), ignored -> new ArrayList<>()).add(change);
            }
        });
        for (GeneratedRows.Target target : store.get(GeneratedRows.class).map(GeneratedRows::snapshot).orElse(List.of())) {
            if (target.kind() == GeneratedRows.Kind.TOPIC) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (GeneratedRows.WrittenRow written : target.rows()) {
                    Map<String, Object> row = new LinkedHashMap<>(written.row());
                    row.put("_seq", written.sequence());
                    row.put("_acknowledged", written.acknowledged());
                    rows.add(row);
                }
                scratch.load(target.name(), rows);
            } else {
                List<RowChange> changes = tables.computeIfAbsent(target.name(), ignored -> new ArrayList<>());
                for (GeneratedRows.WrittenRow written : target.rows()) {
                    changes.add(new RowChange(target.name(), written.op(), target.keyColumns(), written.row()));
                }
            }
        }
        for (Map.Entry<String, List<RowChange>> table : tables.entrySet()) {
            List<Map<String, Object>> log = changes(table.getValue());
            // columns and types from every change, so a table whose rows were all deleted still has them
            List<Map<String, Object>> shape = new ArrayList<>();
            table.getValue().forEach(change -> shape.add(change.row()));
            scratch.load(table.getKey(), current(table.getValue()), shape);
            scratch.load(table.getKey() + "_changes", log);
        }
    }

    /** The table after every change, in order: a row per key (every insert, without a key). */
    private static List<Map<String, Object>> current(List<RowChange> changes) {
        Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
        long unkeyed = 0;
        for (RowChange change : changes) {
            Object key = change.keyColumns().isEmpty() ? "#" + unkeyed++ : change.key();
            switch (change.op()) {
                case INSERT, UPDATE -> rows.put(key, change.row());
                case DELETE -> rows.remove(key);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static List<Map<String, Object>> changes(List<RowChange> changes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long sequence = 0;
        for (RowChange change : changes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("_seq", sequence++);
            row.put("_op", change.op().name().toLowerCase(Locale.ROOT));
            row.putAll(change.row());
            rows.add(row);
        }
        return rows;
    }
}
