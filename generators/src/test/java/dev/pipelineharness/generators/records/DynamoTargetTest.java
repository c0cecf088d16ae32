package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.testkit.Providers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code records} into a DynamoDB table: validated against the declared table at load time, rows as items. */
class DynamoTargetTest {

    private static final DynamoTableSpec EVENTS = new DynamoTableSpec("events", "user_id", "S", "timestamp", "N", "NEW_IMAGE");
    private static final DefinitionContext PIPELINE = DefinitionContext.of(new PipelineDefinition("p", Path.of("."),
            List.of(), List.of(EVENTS), List.of(), List.of(), List.of()), Path.of("."));

    private static String error(String snippet) {
        return Providers.definitionError(() -> Providers.generator("records", snippet, PIPELINE)).getMessage();
    }

    @Test
    void theTableAndItsKeyAttributesAreCheckedAtLoadTime() {
        Providers.generator("records", "{dynamodb-table: events, count: 5, fields: {user_id: {id: u-, cardinality: 3},"
                + " timestamp: {event-time: {spread: 1h}}}}", PIPELINE);
        assertThat(error("{dynamodb-table: event, fields: {user_id: {id: u-, cardinality: 3}}}"))
                .contains("generate[0].records.dynamodb-table", "DynamoDB table 'event' is not declared by pipeline 'p'",
                        "did you mean 'events'", "declared: events");
        assertThat(error("{dynamodb-table: events, fields: {user_id: {id: u-, cardinality: 3}}}"))
                .contains("is keyed by 'timestamp', which is not one of the fields user_id");
        assertThat(error("{dynamodb-table: events, fields: {user_id: {id: u-, cardinality: 3, null-rate: 0.1},"
                + " timestamp: {type: long}}}")).contains("key attribute of DynamoDB table 'events' and cannot have a null-rate");
        assertThat(error("{dynamodb-table: events, key: user_id, updates: 0.1, fields: {user_id: {id: u-, cardinality: 3},"
                + " timestamp: {type: long}}}")).contains("a DynamoDB table is written with one put per record");
        assertThat(error("{dynamodb-table: events, topic: x, fields: {user_id: {id: u-, cardinality: 3}}}"))
                .contains("give exactly one of 'table'", "'dynamodb-table'");
        assertThat(error("{dynamodb-table: events, fields: {user_id: {id: u-, cardinality: 3},"
                + " timestamp: {event-time: {spread: 1h, as: timestamp}}}}")).contains("epoch millis");
    }

    @Test
    void rowsBecomeItemsWithTheKeyInItsDeclaredTypeAndWithoutNulls() {
        Map<String, Object> row = new HashMap<>();
        row.put("user_id", "u-1");
        row.put("timestamp", 1767225600000L);
        row.put("amount", new BigDecimal("2.50"));
        row.put("count", 3);
        row.put("gift", true);
        row.put("note", null);
        row.put("payload", Map.of("channel", "web"));
        Map<String, AttributeValue> item = new DynamoItems(EVENTS).item(row);
        assertThat(item).containsEntry("user_id", AttributeValue.fromS("u-1"))
                .containsEntry("timestamp", AttributeValue.fromN("1767225600000"))
                .containsEntry("amount", AttributeValue.fromN("2.50"))
                .containsEntry("count", AttributeValue.fromN("3"))
                .containsEntry("gift", AttributeValue.fromBool(true))
                .containsEntry("payload", AttributeValue.fromM(Map.of("channel", AttributeValue.fromS("web"))))
                .doesNotContainKey("note");
        Map<String, Object> numericText = new HashMap<>(row);
        numericText.put("timestamp", "17");
        assertThat(new DynamoItems(EVENTS).item(numericText)).containsEntry("timestamp", AttributeValue.fromN("17"));
    }
}
