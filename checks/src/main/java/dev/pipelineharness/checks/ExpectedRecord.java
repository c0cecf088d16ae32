package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record the oracle expects on a topic: its Kafka key, its identity ({@code event_id}) and its
 * value as a JSON tree (compared field by field, nulls dropped, numbers by value).
 */
public record ExpectedRecord(String key, String id, JsonNode value) {
}
