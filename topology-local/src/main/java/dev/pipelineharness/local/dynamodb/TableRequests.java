package dev.pipelineharness.local.dynamodb;

import dev.pipelineharness.api.DynamoTableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Turns a pipeline's {@link DynamoTableSpec} into a CreateTable request, rejecting specs DynamoDB would reject less clearly. */
final class TableRequests {

    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");

    private TableRequests() {
    }

    static CreateTableRequest create(DynamoTableSpec spec, String physicalName) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(required(spec, "hashKey", spec.hashKey()))
                .keyType(KeyType.HASH).build());
        attributes.add(attribute(spec, "hashKeyType", spec.hashKey(), spec.hashKeyType()));
        if (spec.rangeKey() != null) {
            keys.add(KeySchemaElement.builder().attributeName(spec.rangeKey()).keyType(KeyType.RANGE).build());
            attributes.add(attribute(spec, "rangeKeyType", spec.rangeKey(), spec.rangeKeyType()));
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(physicalName)
                .keySchema(keys)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (spec.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(streamViewType(spec))
                    .build());
        }
        return request.build();
    }

    private static AttributeDefinition attribute(DynamoTableSpec spec, String field, String name, String type) {
        String normalized = required(spec, field, type).toUpperCase(Locale.ROOT);
        if (!KEY_TYPES.contains(normalized)) {
            throw new IllegalArgumentException("DynamoDB table '" + spec.name() + "': " + field + " is '" + type
                    + "', expected one of S, N, B");
        }
        return AttributeDefinition.builder().attributeName(name).attributeType(normalized).build();
    }

    private static StreamViewType streamViewType(DynamoTableSpec spec) {
        StreamViewType type = StreamViewType.fromValue(spec.streamViewType().toUpperCase(Locale.ROOT));
        if (type == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("DynamoDB table '" + spec.name() + "': streamViewType is '"
                    + spec.streamViewType() + "', expected one of NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY");
        }
        return type;
    }

    private static String required(DynamoTableSpec spec, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DynamoDB table '" + spec.name() + "': " + field + " is missing");
        }
        return value;
    }
}
