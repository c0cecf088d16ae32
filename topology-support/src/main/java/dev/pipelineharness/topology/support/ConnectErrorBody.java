package dev.pipelineharness.topology.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Kafka Connect's REST error bodies: {@code {"error_code": 409, "message": "..."}}. */
public final class ConnectErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectErrorBody() {
    }

    /** The body's {@code message}, or the whole body when it has none (or is not JSON). */
    public static String message(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            return message.isTextual() ? message.asText() : body;
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }
}
