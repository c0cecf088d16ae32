package dev.pipelineharness.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful (2xx) answer.
 *
 * @param body the body parsed as JSON (an empty object when there was none, or it was not JSON)
 * @param text the body as sent (RDS answers in XML)
 */
public record ApiResponse(int status, JsonNode body, String text) {
}
