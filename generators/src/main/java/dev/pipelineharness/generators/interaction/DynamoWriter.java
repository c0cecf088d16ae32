package dev.pipelineharness.generators.interaction;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.generators.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes interactions (or any items) into a DynamoDB table: {@code BatchWriteItem} of up to 25
 * (unprocessed items retried with a bounded back-off) or one {@code PutItem} each. Batches keep the generated order
 * between batches; single writes keep it exactly.
 */
public final class DynamoWriter implements AutoCloseable {

    private static final int BATCH_LIMIT = 25;
    private static final int MAX_RETRIES = 10;

    private final DynamoDbClient client;
    private final String table;

    public DynamoWriter(DynamoDbEndpoint endpoint, String table) {
        this(client(endpoint), table);
    }

    public DynamoWriter(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    public static DynamoDbClient client(DynamoDbEndpoint endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(endpoint.region()));
        endpoint.endpointOverride().ifPresent(builder::endpointOverride);
        if (endpoint.accessKeyId().isPresent() && endpoint.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    endpoint.accessKeyId().get(), endpoint.secretAccessKey().get().reveal())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    /** The item's attributes as docs/pipelines.md lists them; {@code amount} only for purchases. */
    public static Map<String, AttributeValue> item(Interaction interaction) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("user_id", AttributeValue.fromS(interaction.userId()));
        item.put("timestamp", AttributeValue.fromN(Long.toString(interaction.timestamp())));
        item.put("interaction_type", AttributeValue.fromS(interaction.interactionType()));
        item.put("item_id", AttributeValue.fromS(interaction.itemId()));
        if (interaction.amountCents() != null) {
            item.put("amount", AttributeValue.fromN(Json.decimalText(interaction.amountCents(), 2)));
        }
        item.put("session_id", AttributeValue.fromS(interaction.sessionId()));
        return item;
    }

    public void putSingle(Interaction interaction) {
        client.putItem(PutItemRequest.builder().tableName(table).item(item(interaction)).build());
    }

    /** Writes in batches of 25; {@code written} hears of each batch once DynamoDB accepted all of it. */
    public void putBatches(List<Interaction> interactions, Consumer<List<Interaction>> written)
            throws InterruptedException {
        for (int start = 0; start < interactions.size(); start += BATCH_LIMIT) {
            List<Interaction> batch = interactions.subList(start, Math.min(interactions.size(), start + BATCH_LIMIT));
            List<WriteRequest> requests = new ArrayList<>();
            for (Interaction interaction : batch) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(interaction)).build()).build());
            }
            writeBatch(requests);
            written.accept(batch);
        }
    }

    /**
     * Puts any items in batches of 25 ({@code records} into a DynamoDB table); {@code written} hears
     * of each batch once DynamoDB accepted all of it.
     */
    public void putItemBatches(List<Map<String, AttributeValue>> items, Consumer<List<Map<String, AttributeValue>>> written)
            throws InterruptedException {
        for (int start = 0; start < items.size(); start += BATCH_LIMIT) {
            List<Map<String, AttributeValue>> batch = items.subList(start, Math.min(items.size(), start + BATCH_LIMIT));
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : batch) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(requests);
            written.accept(batch);
        }
    }

    private void writeBatch(List<WriteRequest> requests) throws InterruptedException {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; ; attempt++) {
            BatchWriteItemResponse response = client.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            Map<String, List<WriteRequest>> unprocessed = response.unprocessedItems();
            if (unprocessed == null || unprocessed.isEmpty()) {
                return;
            }
            if (attempt >= MAX_RETRIES) {
                throw new IllegalStateException("DynamoDB left " + unprocessed.getOrDefault(table, List.of()).size()
                        + " items of a batch unprocessed after " + MAX_RETRIES + " retries (table " + table + ")");
            }
            pending = unprocessed;
            // back off before retrying throttled items, as the DynamoDB documentation asks
            Thread.sleep(Math.min(1000, 20L << attempt));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
