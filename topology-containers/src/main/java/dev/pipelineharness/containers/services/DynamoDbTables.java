package dev.pipelineharness.containers.services;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.topology.support.BoundedWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** The harness's calls to DynamoDB Local (through its {@code harness->dynamodb} proxy): readiness, tables. */
public final class DynamoDbTables implements AutoCloseable {

    private final DynamoDbClient client;

    public DynamoDbTables(DynamoDbEndpoint endpoint) {
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint.endpointOverride().orElseThrow())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        endpoint.accessKeyId().orElseThrow(), endpoint.secretAccessKey().orElseThrow().reveal())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void awaitReady(Duration timeout) {
        BoundedWait.until("DynamoDB Local to answer ListTables", timeout, null, () -> {
            client.listTables();
            return true;
        });
    }

    public void create(DynamoTableSpec spec, String physicalName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(spec.hashKey()).attributeType(spec.hashKeyType()).build());
        keys.add(KeySchemaElement.builder().attributeName(spec.hashKey()).keyType(KeyType.HASH).build());
        if (spec.rangeKey() != null) {
            attributes.add(AttributeDefinition.builder().attributeName(spec.rangeKey())
                    .attributeType(spec.rangeKeyType()).build());
            keys.add(KeySchemaElement.builder().attributeName(spec.rangeKey()).keyType(KeyType.RANGE).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(physicalName)
                .attributeDefinitions(attributes).keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST);
        if (spec.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(spec.streamViewType()).build());
        }
        client.createTable(request.build());
    }

    public void delete(String physicalName) {
        try {
            client.deleteTable(builder -> builder.tableName(physicalName));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to remove
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
