package dev.pipelineharness.generators.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.PipelineDefinition;
import dev.pipelineharness.generators.interaction.DynamoWriter;
import dev.pipelineharness.ledger.Ledger;
import dev.pipelineharness.local.dynamodb.DynamoDbLocalServer;
import dev.pipelineharness.testkit.Providers;
import dev.pipelineharness.testkit.SharesTheMachine;
import dev.pipelineharness.testkit.StubDeployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code records} into a DynamoDB table on DynamoDB Local (child JVM): every generated row is an
 * item with the table's key attributes in their declared types, the same rows the scenario store
 * recorded, each acknowledged in the ledger once its batch was accepted.
 */
@ExtendWith(SharesTheMachine.class)
class DynamoRecordsIT {

    private static final DefinitionContext PERSONALIZATION = DefinitionContext.of(new PipelineDefinition("p", Path.of("."),
            List.of(new dev.pipelineharness.api.TopicSpec("interaction_data", 1, "json", Map.of())),
            List.of(new DynamoTableSpec("events", "user_id", "S", "timestamp", "N", "NEW_IMAGE")),
            List.of(), List.of(), List.of()), Path.of("."));

    private static DynamoDbLocalServer server;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        Path work = Path.of("target", "it-dynamodb-records").toAbsolutePath();
        server = DynamoDbLocalServer.start(work, work.resolve("dynamodb.log"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRecordIsAnItemAcknowledgedInTheLedger() throws Exception {
        StubDeployment deployment = new StubDeployment("r1_test", null).withDynamoDb(server.endpoint());
        String table = deployment.dynamoTable("events");
        try (DynamoDbClient client = DynamoWriter.client(server.endpoint())) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("user_id").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("timestamp").attributeType(ScalarAttributeType.N).build())
                    .keySchema(KeySchemaElement.builder().attributeName("user_id").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("timestamp").keyType(KeyType.RANGE).build()));
            Providers.generator("records", "{dynamodb-table: events, count: 60, rate: 600/s,"
                    + " ledger: {destination: interaction_data, id: event_id},"
                    + " fields: {event_id: {sequence: 1, cardinality: 60}, user_id: {id: u-, cardinality: 7},"
                    + " timestamp: {event-time: {spread: 1h}}, amount: {type: decimal, min: 1, max: 9, null-rate: 0.3},"
                    + " kind: {values: [view, purchase]}}}", PERSONALIZATION).generate(deployment.generation(3));

            assertThat(deployment.published).containsEntry("written", "60").containsEntry("acknowledged", "60");
            GeneratedRows.Target written = deployment.store().get(GeneratedRows.class).orElseThrow().snapshot().get(0);
            assertThat(written.kind()).isEqualTo(GeneratedRows.Kind.DYNAMODB_TABLE);
            assertThat(written.rows()).hasSize(60).allMatch(GeneratedRows.WrittenRow::acknowledged);

            Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
            client.scanPaginator(b -> b.tableName(table)).items()
                    .forEach(item -> stored.put(item.get("user_id").s() + "/" + item.get("timestamp").n(), item));
            Map<String, Map<String, Object>> expected = new HashMap<>();
            written.rows().forEach(row -> expected.put(row.row().get("user_id") + "/" + row.row().get("timestamp"), row.row()));
            assertThat(stored.keySet()).isEqualTo(expected.keySet());
            expected.forEach((key, row) -> {
                Map<String, AttributeValue> item = stored.get(key);
                assertThat(item.get("kind").s()).isEqualTo(row.get("kind"));
                if (row.get("amount") == null) {
                    assertThat(item).as("a null field is an absent attribute").doesNotContainKey("amount");
                } else {
                    assertThat(new java.math.BigDecimal(item.get("amount").n()))
                            .isEqualByComparingTo(new java.math.BigDecimal(row.get("amount").toString()));
                }
            });

            Ledger ledger = deployment.store().get(Ledger.class).orElseThrow();
            assertThat(ledger.size()).as("one ledger record per event_id")
                    .isEqualTo(written.rows().stream().map(row -> row.row().get("event_id")).distinct().count());
            for (long ordinal = 0; ordinal < ledger.size(); ordinal++) {
                assertThat(ledger.ackedCopies(ordinal)).isEqualTo(ledger.writtenCopies(ordinal)).isPositive();
            }
            int destination = ledger.destinationOf(0);
            assertThat(ledger.sources(destination)).containsExactly(new Ledger.Source("events", false));
        }
    }
}
