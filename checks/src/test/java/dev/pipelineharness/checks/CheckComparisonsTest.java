package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every check's comparison goes red, naming the mismatch, when fed a broken output. */
class CheckComparisonsTest {

    private static final ObjectMapper MAPPER = dev.pipelineharness.formats.ExactJson.MAPPER;

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String event(String id, String type, String entity, String amount) {
        return "{\"event_id\":\"" + id + "\",\"event_type\":\"" + type + "\",\"entity_id\":\"" + entity
                + "\",\"event_time\":1,\"schema_version\":1,\"payload\":{\"amount\":" + amount + "}}";
    }

    private static List<ExpectedRecord> expectedLoans() {
        return List.of(
                new ExpectedRecord("loan-1", "a", json(event("a", "loan", "loan-1", "10.50"))),
                new ExpectedRecord("loan-1", "b", json(event("b", "loan", "loan-1", "20.00"))),
                new ExpectedRecord("loan-2", "c", json(event("c", "loan", "loan-2", "30.00"))),
                new ExpectedRecord("loan-2", "c", json(event("c", "loan", "loan-2", "30.00"))));
    }

    private static List<ObservedRecord> observe(String... keysAndValues) {
        List<ObservedRecord> records = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            records.add(new ObservedRecord(0, i / 2, keysAndValues[i], json(keysAndValues[i + 1]), null));
        }
        return records;
    }

    @Test
    void routedPassesOnTheExactMultisetWithNullsDroppedAndNumbersByValue() {
        Verdict verdict = TopicComparison.compare("filtered_loan_events", expectedLoans(), observe(
                "loan-1", event("a", "loan", "loan-1", "10.5").replace("}}", ",\"vin\":null}}"),
                "loan-2", event("c", "loan", "loan-2", "30"),
                "loan-1", event("b", "loan", "loan-1", "20.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00")));
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
        assertThat(verdict.summary()).contains("expected 4, observed 4, exact");
    }

    @Test
    void routedFailsOnADroppedEvent() {
        Verdict verdict = TopicComparison.compare("filtered_loan_events", expectedLoans(), observe(
                "loan-1", event("a", "loan", "loan-1", "10.50"),
                "loan-2", event("c", "loan", "loan-2", "30.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00")));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).contains("expected 4, observed 3").contains("1 missing");
        assertThat(verdict.details()).contains("missing (1):").contains("event_id b");
    }

    @Test
    void routedFailsOnADuplicatedEventAndOnALostDuplicateCopy() {
        Verdict duplicated = TopicComparison.compare("filtered_loan_events", expectedLoans(), observe(
                "loan-1", event("a", "loan", "loan-1", "10.50"),
                "loan-1", event("a", "loan", "loan-1", "10.50"),
                "loan-1", event("b", "loan", "loan-1", "20.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00")));
        assertThat(duplicated.passed()).isFalse();
        assertThat(duplicated.details()).contains("extra (1):").contains("event_id a seen 2 times, expected 1 (duplicate)");

        Verdict lostCopy = TopicComparison.compare("filtered_loan_events", expectedLoans(), observe(
                "loan-1", event("a", "loan", "loan-1", "10.50"),
                "loan-1", event("b", "loan", "loan-1", "20.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00")));
        assertThat(lostCopy.details()).contains("event_id c (1 of 2 copies seen)");
    }

    @Test
    void unacknowledgedCopiesMayBeAbsentButNotDuplicated() {
        List<ObservedRecord> withoutB = observe(
                "loan-1", event("a", "loan", "loan-1", "10.50"),
                "loan-2", event("c", "loan", "loan-2", "30.00"),
                "loan-2", event("c", "loan", "loan-2", "30.00"));
        Verdict tolerated = TopicComparison.compare("filtered_loan_events", expectedLoans(), withoutB, Map.of("b", 1));
        assertThat(tolerated.passed()).as(tolerated.message()).isTrue();
        assertThat(tolerated.summary()).contains("1 unacknowledged copies optional");
        Verdict stillMissing = TopicComparison.compare("filtered_loan_events", expectedLoans(), withoutB, Map.of("c", 1));
        assertThat(stillMissing.passed()).isFalse();
        assertThat(stillMissing.details()).contains("event_id b");
    }

    @Test
    void routedFailsOnAnEventOfTheWrongTopic() {
        List<ExpectedRecord> expected = List.of(new ExpectedRecord("car-1", "x", json(event("x", "car", "car-1", "1"))));
        Verdict verdict = TopicComparison.compare("filtered_car_events", expected, observe(
                "car-1", event("x", "car", "car-1", "1"),
                "loan-1", event("a", "loan", "loan-1", "10.50")));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).contains("unexpected event_id a");
    }

    @Test
    void routedFailsOnAWrongValueWrongKeyUndecodableAndOutOfOrder() {
        Verdict verdict = TopicComparison.compare("filtered_loan_events", expectedLoans(), List.of(
                new ObservedRecord(0, 0, "loan-1", json(event("b", "loan", "loan-1", "20.00")), null),
                new ObservedRecord(0, 1, "loan-1", json(event("a", "loan", "loan-1", "10.50")), null),
                new ObservedRecord(1, 0, "loan-2", json(event("c", "loan", "loan-2", "99.00")), null),
                new ObservedRecord(1, 1, "wrong-key", json(event("c", "loan", "loan-2", "30.00")), null),
                new ObservedRecord(1, 2, "loan-2", null, "not json at all")));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details())
                .contains("wrong (2):").contains("amount=99.00").contains("observed key wrong-key")
                .contains("differs in payload.amount: expected 30.00, observed 99.00 |")
                .contains("differs in key: expected loan-2, observed wrong-key |")
                .contains("undecodable value at partition 1 offset 2")
                .contains("out of order (1):").contains("key loan-1: event_id a at partition 0 offset 1 came after event_id b");
    }

    @Test
    void diffShowsTheFirstTwentyOfEachSectionWithTheTotal() {
        List<ExpectedRecord> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(new ExpectedRecord("k", "id" + i, json(event("id" + i, "loan", "k", "1"))));
        }
        Verdict verdict = TopicComparison.compare("t", expected, List.of());
        assertThat(verdict.summary()).isEqualTo("t: expected 30, observed 0 (30 missing)");
        assertThat(verdict.details()).startsWith("missing (30, first 20):");
        assertThat(verdict.details().lines().count()).isEqualTo(21);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void tableMatchesPassesWhenEqualByValue() {
        Verdict verdict = RowComparison.compare("table user_purchase_totals", List.of("user_id"),
                List.of(row("user_id", "u1", "name", "Ann", "purchase_count", 2L, "total_spent", new BigDecimal("20.50"))),
                List.of(row("user_id", "u1", "name", "Ann", "purchase_count", 2, "total_spent", new BigDecimal("20.5"),
                        "extra_column", "ignored")));
        assertThat(verdict.passed()).as(verdict.message()).isTrue();
    }

    @Test
    void tableMatchesFailsOnAWrongWindow() {
        List<String> key = List.of("user_id", "item_id", "window_start");
        Verdict verdict = RowComparison.compare("table purchase_windowed_counts", key,
                List.of(row("user_id", "u1", "item_id", "i1", "window_start", 0L, "window_end", 1_800_000L, "purchase_count", 2L)),
                List.of(row("user_id", "u1", "item_id", "i1", "window_start", 1_800_000L, "window_end", 3_600_000L,
                        "purchase_count", 2L)));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).contains("missing (1):").contains("window_start=0")
                .contains("extra (1):").contains("window_start=1800000");
    }

    @Test
    void tableMatchesFailsOnAWrongJoinAndAWrongAverage() {
        Verdict verdict = RowComparison.compare("table highly_rated_item_details", List.of("item_id"),
                List.of(row("item_id", "i1", "item_name", "Atlas", "category_name", "Books", "avg_rating", 4.0, "review_count", 3L),
                        row("item_id", "i2", "item_name", "Bible", "category_name", "Books", "avg_rating", 4.333333333, "review_count", 3L)),
                List.of(row("item_id", "i1", "item_name", "Atlas", "category_name", "Toys", "avg_rating", 4.0, "review_count", 3L),
                        row("item_id", "i2", "item_name", "Bible", "category_name", "Books", "avg_rating", 4.0, "review_count", 3L)));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).contains("wrong (2):")
                .contains("(item_id=i1): category_name expected Books observed Toys")
                .contains("avg_rating expected 4.333333333 observed 4.0");
        Verdict withinTolerance = RowComparison.compare("t", List.of("item_id"),
                List.of(row("item_id", "i2", "avg_rating", 13 / 3.0)), List.of(row("item_id", "i2", "avg_rating", 4.3333334)));
        assertThat(withinTolerance.passed()).isTrue();
    }

    @Test
    void tableMatchesFailsOnARowThatShouldHaveBeenDeleted() {
        Verdict verdict = RowComparison.compare("table user_purchase_totals", List.of("user_id"), List.of(),
                List.of(row("user_id", "u3", "name", "Cy", "purchase_count", 0L, "total_spent", BigDecimal.ZERO)));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).contains("extra (1):").contains("u3");
    }

    @Test
    void cdcCapturedFailsOnAMissingDeleteAReorderAndAWrongValue() {
        List<ExpectedChange> expected = List.of(
                new ExpectedChange("loan-1", "c", Map.of("loan_id", "loan-1", "amount", "10.5")),
                new ExpectedChange("loan-1", "u", Map.of("loan_id", "loan-1", "amount", "11")),
                new ExpectedChange("loan-1", "d", Map.of()),
                new ExpectedChange("loan-2", "c", Map.of("loan_id", "loan-2", "amount", "7")));
        Verdict ok = ChangeComparison.compare("cdc_loan_entities", expected, List.of(
                new ObservedChange(0, 0, "loan-1", "r", Map.of("loan_id", "loan-1", "amount", "10.50")),
                new ObservedChange(0, 1, "loan-1", "u", Map.of("loan_id", "loan-1", "amount", new BigDecimal("11.00"))),
                new ObservedChange(0, 2, "loan-1", "d", Map.of()),
                new ObservedChange(0, 4, "loan-2", "c", Map.of("loan_id", "loan-2", "amount", "7.00"))));
        assertThat(ok.passed()).as(ok.message()).isTrue();

        Verdict broken = ChangeComparison.compare("cdc_loan_entities", expected, List.of(
                new ObservedChange(0, 0, "loan-1", "u", Map.of("loan_id", "loan-1", "amount", "11")),
                new ObservedChange(0, 1, "loan-1", "c", Map.of("loan_id", "loan-1", "amount", "10.5")),
                new ObservedChange(0, 4, "loan-2", "c", Map.of("loan_id", "loan-2", "amount", "8.00")),
                new ObservedChange(0, 5, "loan-9", "c", Map.of("loan_id", "loan-9"))));
        assertThat(broken.passed()).isFalse();
        assertThat(broken.details())
                .contains("missing (1):").contains("key loan-1 change #3 of 3: op d")
                .contains("wrong or out of order (3):").contains("key loan-1 change #1 at partition 0 offset 0: expected op c")
                .contains("amount expected 7 observed 8.00")
                .contains("extra (1):").contains("key loan-9 never changed by the generator");
    }

    @Test
    void topicCountFailsWhenShortOrOver() {
        assertThat(TopicCountCheckProvider.compare("t", 10, 10).passed()).isTrue();
        Verdict shortBy = TopicCountCheckProvider.compare("t", 10, 7);
        assertThat(shortBy.passed()).isFalse();
        assertThat(shortBy.details()).contains("3 records fewer than expected");
        assertThat(TopicCountCheckProvider.compare("t", 10, 12).details()).contains("2 records more than expected");
    }
}
