package dev.pipelineharness.containers.services;

import dev.pipelineharness.containers.support.NetworkAliases;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * DynamoDB Local (with Streams, as the embedded topology's): the image's entry point is {@code java};
 * {@code -sharedDb} so every client (the harness, the connector) sees the same tables whatever its
 * credentials or region, on disk in the container so that a killed and restarted container keeps them.
 */
public final class DynamoDbContainers {

    public static final int PORT = 8000;
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "harness";
    public static final String SECRET_ACCESS_KEY = "harness";

    private DynamoDbContainers() {
    }

    public static GenericContainer<?> dynamoDb(DockerImageName image, Network network) {
        GenericContainer<?> dynamo = new GenericContainer<>(image);
        dynamo.withNetwork(network)
                .withNetworkAliases(NetworkAliases.DYNAMODB)
                .withWorkingDirectory("/home/dynamodblocal")
                .withCommand("-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "/home/dynamodblocal")
                .withExposedPorts(PORT)
                .waitingFor(Wait.forListeningPort());
        return dynamo;
    }
}
