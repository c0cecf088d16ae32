package dev.pipelineharness.generators.entity;

import dev.pipelineharness.generators.RowChange;
import dev.pipelineharness.generators.ValuePools;
import dev.pipelineharness.generators.business.EventType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The changes of one {@code entity-changes} entry, in commit order, computed from the shape and the
 * seed alone. Rows follow docs/pipelines.md, section 1:
 * {@code loan_entities(loan_id, customer_name, amount, term_months, status, updated_at)} and
 * {@code car_entities(car_id, vin, make, model, price, status, updated_at)}; ids are those of the
 * business events ({@code loan-000042}, {@code car-000042}).
 */
public final class EntityChangeSequence {

    static final List<String> LOAN_STATUSES = List.of("APPLIED", "APPROVED", "REJECTED", "FUNDED");
    static final List<String> CAR_STATUSES = List.of("AVAILABLE", "RESERVED", "SOLD", "IN_SERVICE");
    private static final int[] TERMS = {12, 24, 36, 48, 60, 72, 120, 240, 360};

    private EntityChangeSequence() {
    }

    public static List<RowChange> generate(EntityChangeShape shape, long seed, ValuePools pools) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Set<Integer>> existing = new LinkedHashMap<>();
        shape.tables().forEach(table -> existing.put(table, new HashSet<>()));
        List<RowChange> changes = new ArrayList<>();
        for (long i = 0; i < shape.count(); i++) {
            String table = shape.tables().get(random.nextInt(shape.tables().size()));
            int entity = random.nextInt(shape.keys());
            long updatedAt = shape.startTime() + i * 1000;
            Set<Integer> rows = existing.get(table);
            RowChange.Op op;
            if (!rows.contains(entity)) {
                op = RowChange.Op.INSERT;
                rows.add(entity);
            } else if (random.nextDouble() < shape.deletes()) {
                op = RowChange.Op.DELETE;
                rows.remove(entity);
            } else {
                op = RowChange.Op.UPDATE;
            }
            changes.add(change(table, op, entity, updatedAt, random, pools));
        }
        return changes;
    }

    private static RowChange change(String table, RowChange.Op op, int entity, long updatedAt,
                                    SplittableRandom random, ValuePools pools) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (table.equals("loan_entities")) {
            row.put("loan_id", EventType.LOAN.entityId(entity));
            if (op != RowChange.Op.DELETE) {
                row.put("customer_name", pools.firstName(random) + " " + pools.lastName(random));
                row.put("amount", BigDecimal.valueOf(random.nextLong(100_000, 50_000_001), 2));
                row.put("term_months", TERMS[random.nextInt(TERMS.length)]);
                row.put("status", LOAN_STATUSES.get(random.nextInt(LOAN_STATUSES.size())));
                row.put("updated_at", updatedAt);
            }
            return new RowChange(table, op, List.of("loan_id"), row);
        }
        row.put("car_id", EventType.CAR.entityId(entity));
        if (op != RowChange.Op.DELETE) {
            int model = Math.floorMod(entity * 31 + 7, 256);
            row.put("vin", pools.vinOf(entity));
            row.put("make", pools.make(model));
            row.put("model", pools.model(model));
            row.put("price", BigDecimal.valueOf(random.nextLong(500_000, 12_000_001), 2));
            row.put("status", CAR_STATUSES.get(random.nextInt(CAR_STATUSES.size())));
            row.put("updated_at", updatedAt);
        }
        return new RowChange(table, op, List.of("car_id"), row);
    }
}
