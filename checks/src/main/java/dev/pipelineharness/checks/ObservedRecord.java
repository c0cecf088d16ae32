package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record read from a topic: where it was, its key, and its value decoded to JSON (null for a
 * tombstone; {@code undecodable} holds the raw text when the value could not be decoded), and its
 * Kafka timestamp in epoch milliseconds (-1 when unknown).
 */
public record ObservedRecord(int partition, long offset, String key, JsonNode value, String undecodable,
                             long timestamp) {

    public ObservedRecord(int partition, long offset, String key, JsonNode value, String undecodable) {
        this(partition, offset, key, value, undecodable, -1);
    }
}
