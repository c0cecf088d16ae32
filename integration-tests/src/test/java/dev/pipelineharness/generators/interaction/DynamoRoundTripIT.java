package dev.pipelineharness.generators.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.GeneratorProvider;
import dev.pipelineharness.local.dynamodb.DynamoDbLocalServer;
import dev.pipelineharness.testkit.SharesTheMachine;
import dev.pipelineharness.testkit.StubDeployment;
import dev.pipelineharness.testkit.TestParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The interactions generator against DynamoDB Local (child JVM): batch and single writes land as
 * the items docs/pipelines.md describes, exactly the ones the scenario store recorded.
 */
@ExtendWith(SharesTheMachine.class)
class DynamoRoundTripIT {

    private static DynamoDbLocalServer server;
    private static DynamoDbEndpoint endpoint;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        Path work = Path.of("target", "it-dynamodb").toAbsolutePath();
        server = DynamoDbLocalServer.start(work, work.resolve("dynamodb.log"), Duration.ofSeconds(60));
        endpoint = server.endpoint();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("user_id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("timestamp").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("user_id").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("timestamp").keyType(KeyType.RANGE).build())
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_IMAGE).build()));
    }

    /** DynamoDB keeps numbers canonical (264.90 reads back as 264.9): compare numbers by value. */
    private static Map<String, String> comparable(Map<String, AttributeValue> item) {
        Map<String, String> result = new java.util.TreeMap<>();
        item.forEach((name, value) -> result.put(name, value.n() != null
                ? new java.math.BigDecimal(value.n()).stripTrailingZeros().toPlainString() : value.s()));
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "single"})
    void everyGeneratedInteractionIsAnItem(String write) throws Exception {
        StubDeployment deployment = new StubDeployment("r1_test", null).withDynamoDb(endpoint);
        String table = deployment.dynamoTable("dev-user-personalization") + "_" + write;
        try (DynamoDbClient client = DynamoWriter.client(endpoint)) {
            createTable(client, table);
            GeneratorProvider provider = ServiceLoader.load(GeneratorProvider.class).stream().map(ServiceLoader.Provider::get)
                    .filter(p -> p.name().equals("interactions")).findFirst().orElseThrow();
            provider.create(TestParams.of("generate[0].interactions", "{\"count\": 180, \"write\": \"" + write
                    + "\", \"table\": \"dev-user-personalization_" + write + "\"}")).generate(deployment.generation(5));

            List<Interaction> generated = deployment.store().get(GeneratedInteractions.class).orElseThrow().snapshot();
            assertThat(generated).hasSize(180);
            List<Map<String, AttributeValue>> items = client.scanPaginator(b -> b.tableName(table)).items().stream().toList();
            Set<Map<String, String>> expected = new HashSet<>();
            generated.forEach(interaction -> expected.add(comparable(DynamoWriter.item(interaction))));
            Set<Map<String, String>> stored = new HashSet<>();
            items.forEach(item -> stored.add(comparable(item)));
            assertThat(stored).isEqualTo(expected);
            assertThat(deployment.published).containsEntry("interactions.written", "180");
        }
    }
}
