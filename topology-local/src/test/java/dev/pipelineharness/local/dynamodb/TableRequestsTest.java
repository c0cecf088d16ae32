package dev.pipelineharness.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelineharness.api.DynamoTableSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableRequestsTest {

    @Test
    void seedTableBecomesHashAndRangeKeyWithNewImageStream() {
        CreateTableRequest request = TableRequests.create(new DynamoTableSpec("user-personalization", "user_id", "S",
                "timestamp", "n", "new_image"), "run7-user-personalization");

        assertThat(request.tableName()).isEqualTo("run7-user-personalization");
        assertThat(request.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("user_id:" + KeyType.HASH, "timestamp:" + KeyType.RANGE);
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactly("user_id:S", "timestamp:N");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.streamSpecification().streamEnabled()).isTrue();
        assertThat(request.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    void noViewTypeMeansNoStream() {
        assertThat(TableRequests.create(new DynamoTableSpec("t", "id", "S", null, null, null), "t").streamSpecification()).isNull();
    }

    @Test
    void badSpecsNameTableAndField() {
        assertThatThrownBy(() -> TableRequests.create(new DynamoTableSpec("events", "id", "X", null, null, null), "events"))
                .hasMessageContaining("'events'").hasMessageContaining("hashKeyType").hasMessageContaining("S, N, B");
        assertThatThrownBy(() -> TableRequests.create(new DynamoTableSpec("events", "id", "S", "ts", null, null), "events"))
                .hasMessageContaining("rangeKeyType is missing");
        assertThatThrownBy(() -> TableRequests.create(new DynamoTableSpec("events", "id", "S", null, null, "NEWEST"), "events"))
                .hasMessageContaining("streamViewType is 'NEWEST'");
        assertThatThrownBy(() -> TableRequests.create(new DynamoTableSpec("events", " ", "S", null, null, null), "events"))
                .hasMessageContaining("hashKey is missing");
    }
}
