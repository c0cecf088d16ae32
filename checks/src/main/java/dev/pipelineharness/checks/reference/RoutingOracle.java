package dev.pipelineharness.checks.reference;

import dev.pipelineharness.checks.ExpectedRecord;
import dev.pipelineharness.formats.ExactJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected content of {@code filtered_loan_events}, {@code filtered_service_events} and
 * {@code filtered_car_events}, from the bytes written to {@code raw_business_events} alone
 * (docs/pipelines.md, section 1). A record is malformed, and expected nowhere, when its value is not
 * a JSON object, lacks {@code event_id}, or its {@code event_type} is not exactly {@code loan},
 * {@code service} or {@code car}; every other record is expected once in
 * {@code filtered_<event_type>_events} per copy written (multiplicity kept), with the same fields and
 * key, in raw-topic order.
 */
public final class RoutingOracle {

    public static final List<String> OUTPUT_TOPICS =
            List.of("filtered_loan_events", "filtered_service_events", "filtered_car_events");
    private static final Set<String> TYPES = Set.of("loan", "service", "car");
    private static final ObjectMapper MAPPER = ExactJson.MAPPER;

    /** One record as written to the raw topic: key and value bytes as UTF-8 text (value may be anything). */
    public record RawInput(String key, byte[] value) {
    }

    private RoutingOracle() {
    }

    /** Every output topic (logical name) to its expected records in order; topics with none map to an empty list. */
    public static Map<String, List<ExpectedRecord>> expected(List<RawInput> raw) {
        Map<String, List<ExpectedRecord>> result = new LinkedHashMap<>();
        OUTPUT_TOPICS.forEach(topic -> result.put(topic, new ArrayList<>()));
        for (RawInput input : raw) {
            JsonNode value = wellFormed(input.value());
            if (value != null) {
                String topic = "filtered_" + value.get("event_type").asText() + "_events";
                result.get(topic).add(new ExpectedRecord(input.key(), value.get("event_id").asText(), value));
            }
        }
        return result;
    }

    /** The parsed value when the record is well formed by the rules above, else null. */
    public static JsonNode wellFormed(byte[] value) {
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode id = node.get("event_id");
        JsonNode type = node.get("event_type");
        if (id == null || id.isNull() || type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            return null;
        }
        return node;
    }
}
