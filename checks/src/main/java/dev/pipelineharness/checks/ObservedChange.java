package dev.pipelineharness.checks;

import java.util.Map;

/** One Debezium change event as read: its op, the row's key, the {@code after} columns (empty for a delete). */
public record ObservedChange(int partition, long offset, String key, String op, Map<String, Object> after) {
}
