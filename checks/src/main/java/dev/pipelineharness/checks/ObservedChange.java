package dev.pipelineharness.checks;

import java.util.Map;

/**
 * One Debezium change event as read: its op, the row's key, the {@code after} columns (empty for a
 * delete), and its position in the source's log ({@code source.lsn} for PostgreSQL), null when the
 * envelope has none: a redelivered copy has the same position as the original.
 */
public record ObservedChange(int partition, long offset, String key, String op, Map<String, Object> after,
                             String sourcePosition) {

    public ObservedChange(int partition, long offset, String key, String op, Map<String, Object> after) {
        this(partition, offset, key, op, after, null);
    }
}
