package dev.pipelineharness.checks.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.checks.ExpectedChange;
import dev.pipelineharness.checks.ExpectedRecord;
import dev.pipelineharness.generators.RowChange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingOracleTest {

    private static RoutingOracle.RawInput raw(String key, String value) {
        return new RoutingOracle.RawInput(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void routesByTypeKeepsDuplicatesAndOrderAndSkipsMalformed() {
        List<RoutingOracle.RawInput> input = List.of(
                raw("loan-1", "{\"event_id\":\"a\",\"event_type\":\"loan\",\"entity_id\":\"loan-1\",\"payload\":{\"amount\":1.50}}"),
                raw("car-1", "{\"event_id\":\"b\",\"event_type\":\"car\",\"entity_id\":\"car-1\"}"),
                raw("loan-1", "{\"event_id\":\"a\",\"event_type\":\"loan\",\"entity_id\":\"loan-1\",\"payload\":{\"amount\":1.50}}"),
                raw("loan-1", "{\"event_id\":\"c\",\"event_type\":\"loan\",\"entity_id\":\"loan-1\"}"),
                raw("x", "{\"event_id\":\"d\",\"event_type\":\"LOAN\"}"),     // wrong case
                raw("x", "{\"event_id\":\"e\",\"event_type\":\"boat\"}"),     // unknown type
                raw("x", "{\"event_type\":\"loan\"}"),                        // no event_id
                raw("x", "{\"event_id\":\"f\"}"),                             // no event_type
                raw("x", "[\"g\",\"loan\"]"),                                 // not an object
                raw("x", "{\"event_id\":\"h\",\"event_ty"));                  // not JSON
        Map<String, List<ExpectedRecord>> expected = RoutingOracle.expected(input);
        assertThat(expected.get("filtered_loan_events")).extracting(ExpectedRecord::id).containsExactly("a", "a", "c");
        assertThat(expected.get("filtered_loan_events")).extracting(ExpectedRecord::key).containsOnly("loan-1");
        assertThat(expected.get("filtered_car_events")).extracting(ExpectedRecord::id).containsExactly("b");
        assertThat(expected.get("filtered_service_events")).isEmpty();
        assertThat(expected.get("filtered_loan_events").get(0).value().get("payload").get("amount").decimalValue())
                .isEqualByComparingTo("1.50");
    }

    @Test
    void cdcExpectsOneEventPerCommittedChangeWithDecimalsAsText() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("loan_id", "loan-000001");
        row.put("amount", new BigDecimal("120.50"));
        row.put("term_months", 36);
        List<RowChange> changes = List.of(
                new RowChange("loan_entities", RowChange.Op.INSERT, List.of("loan_id"), row),
                new RowChange("car_entities", RowChange.Op.INSERT, List.of("car_id"), Map.of("car_id", "car-000001")),
                new RowChange("loan_entities", RowChange.Op.UPDATE, List.of("loan_id"), row),
                new RowChange("loan_entities", RowChange.Op.DELETE, List.of("loan_id"), Map.of("loan_id", "loan-000001")));
        assertThat(CdcOracle.expected(changes, "loan_entities")).containsExactly(
                new ExpectedChange("loan-000001", "c", Map.of("loan_id", "loan-000001", "amount", "120.5", "term_months", "36")),
                new ExpectedChange("loan-000001", "u", Map.of("loan_id", "loan-000001", "amount", "120.5", "term_months", "36")),
                new ExpectedChange("loan-000001", "d", Map.of()));
        assertThat(CdcOracle.topicOf("car_entities")).isEqualTo("cdc_car_entities");
    }
}
