package dev.pipelineharness.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a record value read from a topic into JSON for comparison. JSON topics need nothing more
 * ({@link ValueDecoders}); Avro topics (Confluent wire format) plug in a {@link ValueDecoderFactory}.
 */
public interface ValueDecoder extends AutoCloseable {

    /** @throws Exception when the bytes are not a value of this format */
    JsonNode decode(String physicalTopic, byte[] value) throws Exception;

    @Override
    default void close() {
    }
}
