package dev.pipelineharness.connect.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/** The AWS SDK v2 clients a task needs, built from its configuration; calls are bounded so a dead endpoint fails a poll instead of hanging it. */
final class StreamsClients {

    private StreamsClients() {
    }

    static DynamoDbClient dynamoDb(DynamoDbStreamsSourceConfig config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(http(config.callTimeout()))
                .overrideConfiguration(overrides(config.callTimeout()))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static DynamoDbStreamsClient streams(DynamoDbStreamsSourceConfig config) {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .httpClientBuilder(http(config.callTimeout()))
                .overrideConfiguration(overrides(config.callTimeout()))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static UrlConnectionHttpClient.Builder http(Duration callTimeout) {
        Duration connect = callTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? callTimeout : Duration.ofSeconds(5);
        return UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(callTimeout);
    }

    private static ClientOverrideConfiguration overrides(Duration callTimeout) {
        return ClientOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
    }

    private static AwsCredentialsProvider credentials(DynamoDbStreamsSourceConfig config) {
        if (config.accessKeyId().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(),
                    config.secretAccessKey().orElseThrow().value()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
