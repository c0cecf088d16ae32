package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a client reaches DynamoDB (and DynamoDB Streams): an endpoint override for local servers (empty
 * for the real service), the AWS region and static credentials (empty to use the default chain).
 */
@API(status = STABLE, since = "0.1")
public record DynamoDbEndpoint(Optional<URI> endpointOverride, String region,
                               Optional<String> accessKeyId, Optional<Secret> secretAccessKey) {
}
