package dev.pipelineharness.generators.records;

import dev.pipelineharness.generators.RowChange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code records} and {@code replay} generators of one scenario wrote, per target (a table
 * or a topic, by logical name), in write order: each row with its arrival sequence, its change kind,
 * and whether PostgreSQL committed it or Kafka acknowledged it. Kept in the scenario's store for the
 * expectations; generator threads append, checks take snapshots.
 */
public final class GeneratedRows {

    /**
     * Where rows went: a PostgreSQL table, a topic, or a DynamoDB table (items put by key, so, like a
     * table, what it holds is the last row per key).
     */
    public enum Kind { TABLE, TOPIC, DYNAMODB_TABLE }

    /** One written row: {@code sequence} counts from 0 per target in write order. */
    public record WrittenRow(long sequence, RowChange.Op op, Map<String, Object> row, boolean acknowledged) {
    }

    /** A snapshot of one target. */
    public record Target(String name, Kind kind, List<String> keyColumns, List<WrittenRow> rows) {
    }

    private static final class Log {
        final Kind kind;
        final List<String> keyColumns;
        final List<RowChange.Op> ops = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();
        final BitSet acknowledged = new BitSet();

        Log(Kind kind, List<String> keyColumns) {
            this.kind = kind;
            this.keyColumns = List.copyOf(keyColumns);
        }
    }

    private final Map<String, Log> logs = new LinkedHashMap<>();

    /** Registers a target before writing; two generators may write one target if they agree on its kind. */
    public synchronized void target(String name, Kind kind, List<String> keyColumns) {
        Log log = logs.computeIfAbsent(name, ignored -> new Log(kind, keyColumns));
        if (log.kind != kind) {
            throw new IllegalStateException(name + " is written both as a " + log.kind + " and as a " + kind);
        }
    }

    /** Appends a row not yet acknowledged and returns its sequence. */
    public synchronized long append(String target, RowChange.Op op, Map<String, Object> row) {
        Log log = log(target);
        log.ops.add(op);
        log.rows.add(new LinkedHashMap<>(row));
        return log.rows.size() - 1;
    }

    /** Appends rows PostgreSQL has committed. */
    public synchronized void appendCommitted(String target, List<RowChange> changes) {
        for (RowChange change : changes) {
            acknowledged(target, append(target, change.op(), change.row()));
        }
    }

    public synchronized void acknowledged(String target, long sequence) {
        log(target).acknowledged.set(Math.toIntExact(sequence));
    }

    public synchronized List<Target> snapshot() {
        List<Target> targets = new ArrayList<>();
        logs.forEach((name, log) -> {
            List<WrittenRow> rows = new ArrayList<>(log.rows.size());
            for (int i = 0; i < log.rows.size(); i++) {
                rows.add(new WrittenRow(i, log.ops.get(i), java.util.Collections.unmodifiableMap(log.rows.get(i)),
                        log.acknowledged.get(i)));
            }
            targets.add(new Target(name, log.kind, log.keyColumns, List.copyOf(rows)));
        });
        return targets;
    }

    /** How many rows all targets hold, so a check recomputes its oracle only when input grew. */
    public synchronized long size() {
        long size = 0;
        for (Log log : logs.values()) {
            size += log.rows.size() + log.acknowledged.cardinality();
        }
        return size;
    }

    private Log log(String target) {
        Log log = logs.get(target);
        if (log == null) {
            throw new IllegalStateException("target " + target + " was not registered");
        }
        return log;
    }
}
