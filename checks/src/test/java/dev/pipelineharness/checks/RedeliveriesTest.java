package dev.pipelineharness.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedeliveriesTest {

    @Test
    void aCopyWithTheSamePositionIsARedeliveryAndAnythingElseIsAChange() {
        ObservedChange insert = new ObservedChange(0, 0, "loan-1", "c", Map.of("amount", "1"), "100");
        ObservedChange update = new ObservedChange(0, 1, "loan-1", "u", Map.of("amount", "2"), "200");
        ObservedChange resentUpdate = new ObservedChange(0, 2, "loan-1", "u", Map.of("amount", "2"), "200");
        ObservedChange otherKeySamePosition = new ObservedChange(0, 3, "loan-2", "c", Map.of("amount", "3"), "200");
        ObservedChange noPosition = new ObservedChange(0, 4, "loan-1", "u", Map.of("amount", "2"));
        ObservedChange noPositionAgain = new ObservedChange(0, 5, "loan-1", "u", Map.of("amount", "2"));

        Redeliveries result = Redeliveries.removeFrom(List.of(insert, update, resentUpdate, otherKeySamePosition,
                noPosition, noPositionAgain));

        assertThat(result.changes()).containsExactly(insert, update, otherKeySamePosition, noPosition, noPositionAgain);
        assertThat(result.redelivered()).isEqualTo(1);
    }
}
