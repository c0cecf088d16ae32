package dev.pipelineharness.generators.entity;

import dev.pipelineharness.api.Params;
import dev.pipelineharness.generators.EventTimeShape;
import java.util.List;

/**
 * The settings of an {@code entity-changes} entry: {@code count} changes (200) over {@code keys}
 * rows per table (50) of {@code tables} (both {@code loan_entities} and {@code car_entities});
 * a change to an existing row is a delete with probability {@code deletes} (0.1), else an update;
 * a change to an absent row is an insert. {@code commit-every} changes per transaction (50);
 * {@code start-time} is the first {@code updated_at} (2026-01-01T00:00:00Z), one second apart.
 * {@code rate} spaces the changes ({@code 50/s}; by default as fast as PostgreSQL commits them), so
 * a fault can strike while changes are still being committed. {@code reconnect-within} ({@code 60s};
 * by default a lost connection fails the generator) makes the writer survive PostgreSQL restarting:
 * it reconnects and neither loses nor repeats a commit (see {@code JdbcBatchWriter}).
 */
public record EntityChangeShape(long count, int keys, List<String> tables, double deletes, int commitEvery,
                                long startTime, double ratePerSecond, java.time.Duration reconnectWithin) {

    public static final List<String> TABLES = List.of("loan_entities", "car_entities");

    public static EntityChangeShape from(Params params) {
        params.allowOnly("count", "keys", "tables", "deletes", "commit-every", "start-time", "rate",
                "reconnect-within");
        long count = params.positiveLong("count", 200);
        int keys = params.intValue("keys", 50);
        if (keys <= 0) {
            throw params.error("keys", "must be greater than 0, was " + keys);
        }
        List<String> tables = params.strings("tables", TABLES);
        for (String table : tables) {
            if (!TABLES.contains(table)) {
                throw params.error("tables", "'" + table + "' is not one of " + String.join(", ", TABLES));
            }
        }
        if (tables.isEmpty()) {
            throw params.error("tables", "must name at least one table");
        }
        double deletes = params.fraction("deletes", 0.1);
        int commitEvery = params.intValue("commit-every", 50);
        if (commitEvery <= 0) {
            throw params.error("commit-every", "must be greater than 0, was " + commitEvery);
        }
        long start = params.longValue("start-time", EventTimeShape.DEFAULT_START);
        return new EntityChangeShape(count, keys, List.copyOf(tables), deletes, commitEvery, start,
                params.ratePerSecond("rate", 0), params.duration("reconnect-within", java.time.Duration.ZERO));
    }
}
