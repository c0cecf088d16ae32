package dev.pipelineharness.generators.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoWriterTest {

    /** A client that leaves the last item of each first attempt unprocessed, like a throttled table. */
    static final class ThrottlingClient implements DynamoDbClient {
        final List<Map<String, AttributeValue>> stored = new ArrayList<>();
        final List<Integer> attemptSizes = new ArrayList<>();
        boolean alwaysThrottle;

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> writes = request.requestItems().get("t");
            attemptSizes.add(writes.size());
            if (alwaysThrottle || (writes.size() > 1 && attemptSizes.size() % 2 == 1)) {
                int keep = alwaysThrottle ? 0 : writes.size() - 1;
                writes.subList(0, keep).forEach(w -> stored.add(w.putRequest().item()));
                return BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of("t", writes.subList(keep, writes.size()))).build();
            }
            writes.forEach(w -> stored.add(w.putRequest().item()));
            return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            stored.add(request.item());
            return PutItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static List<Interaction> interactions(int count) {
        List<Interaction> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Interaction("user-00001", 1000L + i, i % 2 == 0 ? "purchase" : "view", "item-00002",
                    i % 2 == 0 ? 1999L : null, "sess-1"));
        }
        return list;
    }

    @Test
    void batchesOfTwentyFiveRetryUnprocessedItemsAndKeepOrder() throws Exception {
        ThrottlingClient client = new ThrottlingClient();
        List<Integer> acknowledged = new ArrayList<>();
        new DynamoWriter(client, "t").putBatches(interactions(30), batch -> acknowledged.add(batch.size()));
        assertThat(acknowledged).containsExactly(25, 5);
        assertThat(client.attemptSizes).containsExactly(25, 1, 5, 1);
        assertThat(client.stored).hasSize(30);
        assertThat(client.stored).extracting(item -> item.get("timestamp").n()).doesNotHaveDuplicates();
    }

    @Test
    void itemsCarryTheDocumentedAttributesAmountOnlyForPurchases() {
        Map<String, AttributeValue> purchase = DynamoWriter.item(interactions(1).get(0));
        assertThat(purchase.keySet()).containsExactly("user_id", "timestamp", "interaction_type", "item_id", "amount", "session_id");
        assertThat(purchase.get("timestamp").n()).isEqualTo("1000");
        assertThat(purchase.get("amount").n()).isEqualTo("19.99");
        assertThat(DynamoWriter.item(interactions(2).get(1))).doesNotContainKey("amount");
    }

    @Test
    void givesUpAfterBoundedRetriesNamingTheTable() {
        ThrottlingClient client = new ThrottlingClient();
        client.alwaysThrottle = true;
        assertThatThrownBy(() -> new DynamoWriter(client, "t").putBatches(interactions(3), batch -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unprocessed after 10 retries (table t)");
    }
}
