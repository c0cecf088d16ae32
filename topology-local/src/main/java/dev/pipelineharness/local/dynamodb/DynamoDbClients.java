package dev.pipelineharness.local.dynamodb;

import dev.pipelineharness.api.DynamoDbEndpoint;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** AWS SDK v2 clients for a {@link DynamoDbEndpoint}, on the JDK's URL connection (no Netty, no Apache client). */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** A client for {@code endpoint}; the caller closes it. */
    public static DynamoDbClient client(DynamoDbEndpoint endpoint) {
        return client(endpoint, Duration.ofSeconds(10));
    }

    /** A client whose every call gives up after {@code callTimeout}, for probes that must not hang. */
    public static DynamoDbClient client(DynamoDbEndpoint endpoint, Duration callTimeout) {
        return configured(DynamoDbClient.builder(), endpoint, callTimeout).build();
    }

    /** A DynamoDB Streams client for {@code endpoint} whose every call gives up after {@code callTimeout}; the caller closes it. */
    public static DynamoDbStreamsClient streams(DynamoDbEndpoint endpoint, Duration callTimeout) {
        return configured(DynamoDbStreamsClient.builder(), endpoint, callTimeout).build();
    }

    /** Either client's builder pointed at {@code endpoint}, on the JDK's URL connection, every call bounded. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
            DynamoDbEndpoint endpoint, Duration callTimeout) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(callTimeout).socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(callTimeout).build());
        builder.region(Region.of(endpoint.region())).credentialsProvider(credentials(endpoint));
        endpoint.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    static AwsCredentialsProvider credentials(DynamoDbEndpoint endpoint) {
        if (endpoint.accessKeyId().isPresent() && endpoint.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    endpoint.accessKeyId().get(), endpoint.secretAccessKey().get().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
