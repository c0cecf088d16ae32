package dev.pipelineharness.local.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Raw business events as the seed's producer writes them, and reading routed ones back. */
final class BusinessEvents {

    static final List<String> TYPES = List.of("loan", "service", "car");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BusinessEvents() {
    }

    /** Events {@code first..first+count-1}, types in turn loan, service, car: keyed by customer. */
    static List<Map.Entry<String, String>> mixed(int first, int count) {
        List<Map.Entry<String, String>> events = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String customer = "customer-" + (i % 7);
            String json = String.format(
                    "{\"event_id\":\"evt-%04d\",\"event_type\":\"%s\",\"customer_id\":\"%s\",\"amount\":%d.50,"
                            + "\"event_time\":\"2026-11-22 10:%02d:%02d.000\"}",
                    i, typeOf(i), customer, 100 + i, (i / 60) % 60, i % 60);
            events.add(Map.entry(customer, json));
        }
        return events;
    }

    static String typeOf(int eventNumber) {
        return TYPES.get(eventNumber % TYPES.size());
    }

    /** The event ids expected on {@code filtered_<type>_events} for events {@code first..first+count-1}. */
    static List<String> expectedIds(String type, int first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            if (typeOf(i).equals(type)) {
                ids.add(String.format("evt-%04d", i));
            }
        }
        return ids;
    }

    static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
