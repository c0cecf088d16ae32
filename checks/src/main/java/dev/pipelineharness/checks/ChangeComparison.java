package dev.pipelineharness.checks;

import dev.pipelineharness.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the change events of a CDC topic with the committed changes, per primary key and in
 * order: the i-th event of a key must be the i-th change of that key (same op, same {@code after}
 * columns). Snapshot reads ({@code r}) count as inserts. Pure: no I/O.
 */
public final class ChangeComparison {

    private ChangeComparison() {
    }

    public static Verdict compare(String subject, List<ExpectedChange> expected, List<ObservedChange> observed) {
        Map<String, List<ExpectedChange>> expectedByKey = new LinkedHashMap<>();
        expected.forEach(change -> expectedByKey.computeIfAbsent(change.key(), ignored -> new ArrayList<>()).add(change));
        Map<String, List<ObservedChange>> observedByKey = new LinkedHashMap<>();
        observed.forEach(change -> observedByKey.computeIfAbsent(change.key(), ignored -> new ArrayList<>()).add(change));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedChange>> entry : expectedByKey.entrySet()) {
            List<ExpectedChange> want = entry.getValue();
            List<ObservedChange> got = observedByKey.getOrDefault(entry.getKey(), List.of());
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                if (i >= got.size()) {
                    missing.add("key " + entry.getKey() + " change #" + (i + 1) + " of " + want.size() + ": op "
                            + want.get(i).op() + " " + want.get(i).after());
                } else if (i >= want.size()) {
                    extra.add("key " + entry.getKey() + " change #" + (i + 1) + " (only " + want.size()
                            + " committed): op " + got.get(i).op() + " " + got.get(i).after());
                } else {
                    String difference = difference(want.get(i), got.get(i));
                    if (difference != null) {
                        wrong.add("key " + entry.getKey() + " change #" + (i + 1) + " at partition "
                                + got.get(i).partition() + " offset " + got.get(i).offset() + ": " + difference);
                    }
                }
            }
        }
        for (Map.Entry<String, List<ObservedChange>> entry : observedByKey.entrySet()) {
            if (!expectedByKey.containsKey(entry.getKey())) {
                entry.getValue().forEach(change -> extra.add("key " + entry.getKey() + " never changed by the generator: op "
                        + change.op() + " " + change.after()));
            }
        }
        return new DiffReport(subject, expected.size(), observed.size())
                .section("missing", missing)
                .section("extra", extra)
                .section("wrong or out of order", wrong)
                .verdict();
    }

    private static String difference(ExpectedChange want, ObservedChange got) {
        String op = "r".equals(got.op()) ? "c" : got.op();
        if (!want.op().equals(op)) {
            return "expected op " + want.op() + " " + want.after() + ", observed op " + got.op() + " " + got.after();
        }
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, String> column : want.after().entrySet()) {
            Object value = got.after().get(column.getKey());
            if (!Values.scalarEquals(column.getValue(), value == null ? null : value.toString())) {
                columns.add(column.getKey() + " expected " + column.getValue() + " observed " + value);
            }
        }
        return columns.isEmpty() ? null : "op " + op + ": " + String.join(", ", columns);
    }
}
