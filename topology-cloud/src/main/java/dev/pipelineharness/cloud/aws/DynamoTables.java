package dev.pipelineharness.cloud.aws;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.cloud.http.CallLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A run's DynamoDB tables (on demand, with the stream the pipeline declares) through the AWS SDK v2,
 * each awaited ACTIVE on create and gone on delete, bounded. In plan mode nothing is sent.
 */
public final class DynamoTables implements AutoCloseable {

    /**
     * How long the waiters sleep between two DescribeTable calls: the SDK's own fixed delay for
     * DynamoDB's waiters, kept for real tables; a test against a stub passes a few milliseconds.
     */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(20);

    private final DynamoDbClient client;
    private final Duration pollInterval;
    private final boolean planning;
    private final CallLog log;
    private final String region;

    public DynamoTables(DynamoDbEndpoint endpoint, boolean planning, CallLog log) {
        this(endpoint, planning, log, POLL_INTERVAL);
    }

    DynamoTables(DynamoDbEndpoint endpoint, boolean planning, CallLog log, Duration pollInterval) {
        var builder = DynamoDbClient.builder().region(Region.of(endpoint.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials(endpoint));
        endpoint.endpointOverride().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        this.planning = planning;
        this.log = log;
        this.region = endpoint.region();
        this.pollInterval = pollInterval;
    }

    static AwsCredentialsProvider credentials(DynamoDbEndpoint endpoint) {
        if (endpoint.accessKeyId().isPresent() && endpoint.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKeyId().get(),
                    endpoint.secretAccessKey().get().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public void create(DynamoTableSpec spec, String name, Duration timeout) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(spec.hashKey()).attributeType(spec.hashKeyType()).build());
        keys.add(KeySchemaElement.builder().attributeName(spec.hashKey()).keyType(KeyType.HASH).build());
        if (spec.rangeKey() != null) {
            attributes.add(AttributeDefinition.builder().attributeName(spec.rangeKey()).attributeType(spec.rangeKeyType()).build());
            keys.add(KeySchemaElement.builder().attributeName(spec.rangeKey()).keyType(KeyType.RANGE).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).attributeDefinitions(attributes)
                .keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST);
        if (spec.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(spec.streamViewType()).build());
        }
        if (record("CreateTable", name)) {
            return;
        }
        client.createTable(request.build());
        try (DynamoDbWaiter waiter = waiter(timeout)) {
            waiter.waitUntilTableExists(r -> r.tableName(name));
        }
    }

    public void delete(String name, Duration timeout) {
        if (record("DeleteTable", name)) {
            return;
        }
        try {
            client.deleteTable(r -> r.tableName(name));
        } catch (ResourceNotFoundException gone) {
            return;
        }
        try (DynamoDbWaiter waiter = waiter(timeout)) {
            waiter.waitUntilTableNotExists(r -> r.tableName(name));
        }
    }

    public List<String> list() {
        return client.listTablesPaginator().tableNames().stream().toList();
    }

    private DynamoDbWaiter waiter(Duration timeout) {
        return DynamoDbWaiter.builder().client(client).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .waitTimeout(timeout).backoffStrategyV2(BackoffStrategy.fixedDelay(pollInterval)).build()).build();
    }

    /** In plan mode: records the call and tells the caller not to make it. */
    private boolean record(String operation, String table) {
        if (planning) {
            log.note("POST", "dynamodb." + region + " X-Amz-Target: DynamoDB_20120810." + operation, "TableName " + table
                    + ", not sent");
        }
        return planning;
    }

    @Override
    public void close() {
        client.close();
    }
}
