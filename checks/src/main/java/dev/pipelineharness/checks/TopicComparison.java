package dev.pipelineharness.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipelineharness.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a topic's records with the oracle's, as multisets by {@code event_id}: missing copies,
 * extra copies (including records with unknown or no id, and undecodable values), records with the
 * right id but a wrong value or key, and, per Kafka key, records out of order. Pure: no I/O.
 */
public final class TopicComparison {

    private TopicComparison() {
    }

    public static Verdict compare(String topic, List<ExpectedRecord> expected, List<ObservedRecord> observed) {
        return compare(topic, expected, observed, Map.of());
    }

    /**
     * @param unconfirmed per {@code event_id}, how many of its expected copies were written but never
     *                    acknowledged (a send that failed under a fault may or may not have landed):
     *                    those copies are allowed but not required
     */
    public static Verdict compare(String topic, List<ExpectedRecord> expected, List<ObservedRecord> observed,
                                  Map<String, Integer> unconfirmed) {
        Map<String, List<ExpectedRecord>> expectedById = new LinkedHashMap<>();
        for (ExpectedRecord record : expected) {
            expectedById.computeIfAbsent(record.id(), ignored -> new ArrayList<>()).add(record);
        }
        Map<String, List<ObservedRecord>> observedById = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        long observedCount = 0;
        for (ObservedRecord record : observed) {
            if (record.value() == null && record.undecodable() == null) {
                continue; // tombstone
            }
            observedCount++;
            if (record.value() == null) {
                extra.add("undecodable value at " + where(record) + ": " + abbreviate(record.undecodable()));
                continue;
            }
            JsonNode id = record.value().get("event_id");
            if (id == null || id.isNull()) {
                extra.add("record without event_id at " + where(record) + ": " + Values.render(record.value()));
                continue;
            }
            observedById.computeIfAbsent(id.asText(), ignored -> new ArrayList<>()).add(record);
        }
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedRecord>> entry : expectedById.entrySet()) {
            List<ExpectedRecord> copies = entry.getValue();
            List<ObservedRecord> seen = observedById.getOrDefault(entry.getKey(), List.of());
            ExpectedRecord model = copies.get(0);
            for (ObservedRecord record : seen) {
                if (!Values.jsonEquals(model.value(), record.value()) || !sameKey(model.key(), record.key())) {
                    List<String> differences = new ArrayList<>(Values.differences(model.value(), record.value()));
                    if (!sameKey(model.key(), record.key())) {
                        differences.add(0, "key: expected " + model.key() + ", observed " + record.key());
                    }
                    wrong.add("event_id " + entry.getKey() + " at " + where(record) + " differs in "
                            + String.join("; ", differences) + " | expected key " + model.key()
                            + " " + Values.render(model.value()) + ", observed key " + record.key() + " "
                            + Values.render(record.value()));
                }
            }
            int required = copies.size() - unconfirmed.getOrDefault(entry.getKey(), 0);
            if (seen.size() < required) {
                String times = copies.size() > 1 ? " (" + seen.size() + " of " + copies.size() + " copies seen)" : "";
                missing.add("event_id " + entry.getKey() + times + ": " + Values.render(model.value()));
            } else if (seen.size() > copies.size()) {
                extra.add("event_id " + entry.getKey() + " seen " + seen.size() + " times, expected " + copies.size()
                        + " (duplicate): " + Values.render(model.value()));
            }
        }
        for (Map.Entry<String, List<ObservedRecord>> entry : observedById.entrySet()) {
            if (!expectedById.containsKey(entry.getKey())) {
                for (ObservedRecord record : entry.getValue()) {
                    extra.add("unexpected event_id " + entry.getKey() + " at " + where(record) + ": "
                            + Values.render(record.value()));
                }
            }
        }
        List<String> outOfOrder = outOfOrder(expected, observed);
        long unconfirmedCopies = unconfirmed.values().stream().mapToLong(Integer::longValue).sum();
        String subject = unconfirmedCopies == 0 ? topic
                : topic + " (" + unconfirmedCopies + " unacknowledged copies optional)";
        return new DiffReport(subject, expected.size(), observedCount)
                .section("missing", missing)
                .section("extra", extra)
                .section("wrong", wrong)
                .section("out of order", outOfOrder)
                .verdict();
    }

    /**
     * Per key, the observed sequence of event ids (restricted to expected ids, first copies) must
     * follow the expected sequence: docs/pipelines.md keeps raw-topic order per {@code entity_id}.
     */
    private static List<String> outOfOrder(List<ExpectedRecord> expected, List<ObservedRecord> observed) {
        Map<String, Map<String, Integer>> positionByKey = new LinkedHashMap<>();
        for (ExpectedRecord record : expected) {
            Map<String, Integer> positions = positionByKey.computeIfAbsent(record.key(), ignored -> new LinkedHashMap<>());
            positions.putIfAbsent(record.id(), positions.size());
        }
        Map<String, Integer> lastPosition = new LinkedHashMap<>();
        Map<String, String> lastId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ObservedRecord record : observed) {
            if (record.value() == null || record.value().get("event_id") == null) {
                continue;
            }
            String id = record.value().get("event_id").asText();
            Integer position = positionByKey.getOrDefault(record.key(), Map.of()).get(id);
            if (position == null) {
                continue;
            }
            Integer last = lastPosition.get(record.key());
            if (last != null && position < last) {
                problems.add("key " + record.key() + ": event_id " + id + " at " + where(record)
                        + " came after event_id " + lastId.get(record.key()) + ", which was produced later");
            } else {
                lastPosition.put(record.key(), position);
                lastId.put(record.key(), id);
            }
        }
        return problems;
    }

    private static boolean sameKey(String expected, String observed) {
        return expected == null ? observed == null : expected.equals(observed);
    }

    private static String where(ObservedRecord record) {
        return "partition " + record.partition() + " offset " + record.offset();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
