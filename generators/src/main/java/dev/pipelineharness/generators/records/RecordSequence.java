package dev.pipelineharness.generators.records;

import dev.pipelineharness.generators.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The changes a {@code records} entry makes, one at a time, determined by the seed alone. With a key,
 * a change inserts the pool's next unused id, or (by the {@code updates} and {@code deletes} shares)
 * updates or deletes a live row; once every id was inserted, inserts become updates. Without a key
 * (or into a topic), every change is a new record. Counts what it made, for input coverage.
 */
final class RecordSequence {

    private final RecordsShape shape;
    private final Random ops;
    private final Map<String, Random> streams = new LinkedHashMap<>();
    private final List<Integer> live = new ArrayList<>();
    private final List<Integer> deleted = new ArrayList<>();
    private final Map<String, Long> nulls = new LinkedHashMap<>();
    private final Map<RowChange.Op, Long> byOp = new java.util.EnumMap<>(RowChange.Op.class);
    private int nextId;
    private long index;

    RecordSequence(RecordsShape shape, long seed) {
        this.shape = shape;
        this.ops = new Random(seed);
        for (String field : shape.fields().keySet()) {
            // each field draws from its own stream, seeded by its name: adding or reordering fields
            // never changes the values of the others
            streams.put(field, new Random(seed * 1_000_003L + field.hashCode()));
            nulls.put(field, 0L);
        }
    }

    RowChange next() {
        FieldSpec key = shape.keyField();
        RowChange change;
        if (key == null || !shape.target().isTable()) {
            change = new RowChange(shape.target().name(), RowChange.Op.INSERT, shape.target().keyColumns(), row(null));
        } else {
            change = keyed(key);
        }
        index++;
        byOp.merge(change.op(), 1L, Long::sum);
        return change;
    }

    private RowChange keyed(FieldSpec key) {
        double roll = ops.nextDouble();
        int cardinality = key.idPool.get().cardinality();
        List<String> keyColumns = shape.target().keyColumns();
        if (!live.isEmpty() && roll < shape.deletes()) {
            int id = live.remove(ops.nextInt(live.size()));
            deleted.add(id);
            return new RowChange(shape.target().name(), RowChange.Op.DELETE, keyColumns,
                    Map.of(key.name, key.idPool.get().id(id)));
        }
        boolean exhausted = nextId >= cardinality && deleted.isEmpty();
        if (!live.isEmpty() && (roll < shape.deletes() + shape.updates() || exhausted)) {
            int id = live.get(ops.nextInt(live.size()));
            return new RowChange(shape.target().name(), RowChange.Op.UPDATE, keyColumns, row(key.idPool.get().id(id)));
        }
        int id = nextId < cardinality ? nextId++ : deleted.remove(ops.nextInt(deleted.size()));
        live.add(id);
        return new RowChange(shape.target().name(), RowChange.Op.INSERT, keyColumns, row(key.idPool.get().id(id)));
    }

    private Map<String, Object> row(Object keyValue) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldSpec field : shape.fields().values()) {
            Random random = streams.get(field.name);
            Object value;
            if (keyValue != null && shape.target().keyColumns().contains(field.name)) {
                value = keyValue;
            } else if (field.nullRate > 0 && random.nextDouble() < field.nullRate) {
                value = null;
                nulls.merge(field.name, 1L, Long::sum);
            } else {
                value = field.generator.next(random, index);
            }
            row.put(field.name, value);
        }
        return row;
    }

    /** The input coverage so far: changes by kind, nulls per optional field, event-time figures per field. */
    Map<String, Long> coverage() {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (RowChange.Op op : RowChange.Op.values()) {
            figures.put(op.name().toLowerCase(java.util.Locale.ROOT) + "s", byOp.getOrDefault(op, 0L));
        }
        for (FieldSpec field : shape.fields().values()) {
            if (field.nullRate > 0) {
                figures.put("nulls." + field.name, nulls.get(field.name));
            }
            field.eventTime.ifPresent(time -> time.coverage().figures()
                    .forEach((name, value) -> figures.put(field.name + "." + name, value)));
        }
        return figures;
    }
}
